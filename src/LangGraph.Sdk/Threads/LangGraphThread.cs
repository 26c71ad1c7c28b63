using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A thread: a conversation whose state the server keeps across runs.</summary>
public sealed record LangGraphThread
{
    /// <summary>Gets the thread id.</summary>
    [JsonPropertyName("thread_id")]
    public string ThreadId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets when the thread was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the thread was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets when the thread's state last changed, when the server reports it.</summary>
    [JsonPropertyName("state_updated_at")]
    public DateTimeOffset? StateUpdatedAt { get; init; }

    /// <summary>Gets the thread's metadata; never null.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init => field = value ?? ReadOnlyDictionary<string, JsonElement>.Empty; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Gets the thread's status.</summary>
    [JsonPropertyName("status")]
    public ThreadStatus Status { get; init; }

    /// <summary>Gets the thread's current state values, when the server includes them.</summary>
    [JsonPropertyName("values")]
    public JsonElement? Values { get; init; }

    /// <summary>Gets the pending interrupts by task id, when there are any.</summary>
    [JsonPropertyName("interrupts")]
    public JsonElement? Interrupts { get; init; }

    /// <summary>Gets the thread's config, when the server includes it.</summary>
    [JsonPropertyName("config")]
    public JsonElement? Config { get; init; }

    /// <summary>Gets the values extracted by <see cref="ThreadSearchOptions.Extract"/>, keyed by alias.</summary>
    [JsonPropertyName("extracted")]
    public IReadOnlyDictionary<string, JsonElement>? Extracted { get; init; }
}

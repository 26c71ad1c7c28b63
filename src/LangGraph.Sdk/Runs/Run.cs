using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A run: one execution of an assistant, on a thread or stateless.</summary>
public sealed record Run
{
    /// <summary>Gets the run id.</summary>
    [JsonPropertyName("run_id")]
    public string RunId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the id of the thread the run belongs to (a temporary thread for a stateless run).</summary>
    [JsonPropertyName("thread_id")]
    public string ThreadId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the id of the assistant that runs.</summary>
    [JsonPropertyName("assistant_id")]
    public string AssistantId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets when the run was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the run was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the run's status.</summary>
    [JsonPropertyName("status")]
    public RunStatus Status { get; init; }

    /// <summary>Gets the run's metadata; never null.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init => field = value ?? ReadOnlyDictionary<string, JsonElement>.Empty; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Gets the strategy the run was created with for a thread that was busy.</summary>
    [JsonPropertyName("multitask_strategy")]
    public MultitaskStrategy? MultitaskStrategy { get; init; }

    /// <summary>
    /// Gets why the run was cancelled (<c>cancel_reason</c>), for example one starting with <c>taken:</c> after
    /// <see cref="RunCancelReason.Taken"/>; null when the run was not cancelled or the server does not record it
    /// (the JS dev server 1.5.1 never sends it).
    /// </summary>
    [JsonPropertyName("cancel_reason")]
    public string? CancelReason { get; init; }

    /// <summary>Gets the run's creation arguments (input, config, stream modes…), when the server includes them.</summary>
    [JsonPropertyName("kwargs")]
    public JsonElement? Kwargs { get; init; }
}

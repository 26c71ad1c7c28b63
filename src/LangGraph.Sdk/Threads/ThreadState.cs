using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The state of a thread at one checkpoint.</summary>
public sealed record ThreadState
{
    /// <summary>Gets the state values (an object, or a list for some graphs).</summary>
    [JsonPropertyName("values")]
    public JsonElement Values { get; init; }

    /// <summary>Gets the nodes that run next; empty when the graph has finished.</summary>
    [JsonPropertyName("next")]
    public IReadOnlyList<string> Next { get; init => field = value ?? []; } = [];

    /// <summary>Gets the checkpoint this state belongs to.</summary>
    [JsonPropertyName("checkpoint")]
    public Checkpoint? Checkpoint { get; init; }

    /// <summary>Gets the checkpoint's metadata; never null.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init => field = value ?? ReadOnlyDictionary<string, JsonElement>.Empty; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Gets when the checkpoint was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the parent checkpoint, when there is one.</summary>
    [JsonPropertyName("parent_checkpoint")]
    public Checkpoint? ParentCheckpoint { get; init; }

    /// <summary>Gets the tasks that run next, with their errors and interrupts; never null.</summary>
    [JsonPropertyName("tasks")]
    public IReadOnlyList<ThreadTask> Tasks { get; init => field = value ?? []; } = [];

    /// <summary>Gets the interrupts pending at this checkpoint; never null.</summary>
    [JsonPropertyName("interrupts")]
    public IReadOnlyList<Interrupt> Interrupts { get; init => field = value ?? []; } = [];
}

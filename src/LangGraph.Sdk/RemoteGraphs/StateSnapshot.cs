using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>
/// The state of a remote graph's thread at one checkpoint (Python's <c>StateSnapshot</c>), with configs in place of
/// checkpoints so that any snapshot's <see cref="Config"/> can be passed back to <see cref="RemoteGraph"/>.
/// </summary>
public sealed record StateSnapshot
{
    /// <summary>Gets the state values.</summary>
    public JsonElement Values { get; init; }

    /// <summary>Gets the nodes that run next; empty when the graph has finished.</summary>
    public IReadOnlyList<string> Next { get; init => field = value ?? []; } = [];

    /// <summary>
    /// Gets the config that points at this checkpoint: <c>configurable</c> holds <c>thread_id</c>, <c>checkpoint_ns</c>,
    /// <c>checkpoint_id</c> and, when there is one, <c>checkpoint_map</c>.
    /// </summary>
    public RunConfig Config { get; init => field = value ?? new RunConfig(); } = new();

    /// <summary>Gets the checkpoint's metadata; never null.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init => field = value ?? ReadOnlyDictionary<string, JsonElement>.Empty; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Gets when the checkpoint was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets the config of the parent checkpoint, when there is one.</summary>
    public RunConfig? ParentConfig { get; init; }

    /// <summary>Gets the tasks that run next, with their errors, interrupts and subgraph states; never null.</summary>
    public IReadOnlyList<StateTask> Tasks { get; init => field = value ?? []; } = [];

    /// <summary>Gets every interrupt pending at this checkpoint (those of all tasks); never null.</summary>
    public IReadOnlyList<Interrupt> Interrupts { get; init => field = value ?? []; } = [];
}

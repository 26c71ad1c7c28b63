using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A task of a thread state: a node that runs (or ran) at that step.</summary>
public sealed record ThreadTask
{
    /// <summary>Gets the task id.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Gets the node name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the error the task raised, when it failed.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    /// <summary>Gets the interrupts the task raised; never null.</summary>
    [JsonPropertyName("interrupts")]
    public IReadOnlyList<Interrupt> Interrupts { get; init => field = value ?? []; } = [];

    /// <summary>
    /// Gets the task's path in the graph, as the server sends it; never null. For a node that runs because an edge
    /// leads to it the path is <c>["__pregel_pull", "&lt;node&gt;"]</c>; a task started with <c>Send</c> has
    /// <c>"__pregel_push"</c>, an index and further entries. Not in Python's <c>ThreadTask</c> type; both servers send it.
    /// </summary>
    [JsonPropertyName("path")]
    public IReadOnlyList<JsonElement> Path { get; init => field = value ?? []; } = [];

    /// <summary>Gets the checkpoint of a subgraph task, when there is one.</summary>
    [JsonPropertyName("checkpoint")]
    public Checkpoint? Checkpoint { get; init; }

    /// <summary>Gets the subgraph state of the task, when requested with <c>subgraphs</c>.</summary>
    [JsonPropertyName("state")]
    public ThreadState? State { get; init; }

    /// <summary>Gets the task's result, when it has finished.</summary>
    [JsonPropertyName("result")]
    public JsonElement? Result { get; init; }
}

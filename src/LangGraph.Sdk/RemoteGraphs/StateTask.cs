using System.Collections.Generic;
using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>A task of a <see cref="StateSnapshot"/> (Python's <c>PregelTask</c>): a node that runs (or ran) at that step.</summary>
public sealed record StateTask
{
    /// <summary>Gets the task id.</summary>
    public string Id { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the node name.</summary>
    public string Name { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>
    /// Gets the task's path in the graph as the server sent it (<see cref="ThreadTask.Path"/>, for example
    /// <c>["__pregel_pull", "node"]</c>); never null. Python's <c>RemoteGraph</c> leaves <c>PregelTask.path</c> empty.
    /// </summary>
    public IReadOnlyList<JsonElement> Path { get; init => field = value ?? []; } = [];

    /// <summary>Gets the error the task raised, when it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the interrupts the task raised; never null.</summary>
    public IReadOnlyList<Interrupt> Interrupts { get; init => field = value ?? []; } = [];

    /// <summary>Gets the subgraph's state, when the task runs a subgraph and the state was read with subgraphs.</summary>
    public StateSnapshot? State { get; init; }

    /// <summary>Gets the config of the subgraph's checkpoint, when the task runs a subgraph (pass it to <see cref="RemoteGraph.GetStateAsync"/>).</summary>
    public RunConfig? StateConfig { get; init; }

    /// <summary>Gets the task's result, when it has finished.</summary>
    public JsonElement? Result { get; init; }
}

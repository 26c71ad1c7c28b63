using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="ThreadsClient.GetStateAsync"/>. With <see cref="Checkpoint"/> the state is read by
/// <c>POST /threads/{id}/state/checkpoint</c>; with <see cref="CheckpointId"/> by <c>GET /threads/{id}/state/{checkpoint_id}</c>;
/// otherwise the latest state by <c>GET /threads/{id}/state</c>. <see cref="Checkpoint"/> wins when both are set.
/// </summary>
public sealed class ThreadGetStateOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the checkpoint to read.</summary>
    public Checkpoint? Checkpoint { get; set; }

    /// <summary>Gets or sets the id of the checkpoint to read (deprecated in Python in favour of <see cref="Checkpoint"/>).</summary>
    public string? CheckpointId { get; set; }

    /// <summary>Gets or sets whether to include the states of subgraphs.</summary>
    public bool Subgraphs { get; set; }

    /// <summary>
    /// Gets the state fields to return (<c>select</c>): <c>values</c>, <c>next</c>, <c>tasks</c>, <c>checkpoint</c>,
    /// <c>metadata</c>, <c>created_at</c>, <c>parent_checkpoint</c>, <c>interrupts</c>, or <c>values.&lt;key&gt;</c> for one
    /// channel. Sent when not empty: as repeated <c>select</c> query parameters on the GET routes, as a <c>select</c> list
    /// in the body of the checkpoint route. Fields left out are absent from the state read back. Servers that do not
    /// know it (the JS dev server 1.5.1) return the whole state.
    /// </summary>
    public IList<string> Select { get; } = new List<string>();
}

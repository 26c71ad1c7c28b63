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
}

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.UpdateStateAsync"/>.</summary>
public sealed class ThreadUpdateStateOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the node the update is attributed to (sent as <c>as_node</c>).</summary>
    public string? AsNode { get; set; }

    /// <summary>Gets or sets the checkpoint to update from (a fork).</summary>
    public Checkpoint? Checkpoint { get; set; }

    /// <summary>Gets or sets the id of the checkpoint to update from.</summary>
    public string? CheckpointId { get; set; }
}

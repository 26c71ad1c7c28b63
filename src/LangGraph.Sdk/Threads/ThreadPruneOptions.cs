namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.PruneAsync"/>.</summary>
public sealed class ThreadPruneOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the strategy; <c>strategy</c> is sent only when it is not <see cref="PruneStrategy.Delete"/>.</summary>
    /// <value>The default value is <see cref="PruneStrategy.Delete"/>.</value>
    public PruneStrategy Strategy { get; set; } = PruneStrategy.Delete;
}

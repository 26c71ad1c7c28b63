using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.GetHistoryAsync"/>.</summary>
public sealed class ThreadGetHistoryOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets how many states to return, newest first.</summary>
    /// <value>The default value is 10.</value>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets a checkpoint id: only states before it are returned.</summary>
    public string? Before { get; set; }

    /// <summary>Gets or sets a checkpoint: only states before it are returned. Use either this or <see cref="Before"/>.</summary>
    public Checkpoint? BeforeCheckpoint { get; set; }

    /// <summary>Gets the checkpoint metadata the states must have; sent only when not empty.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets a checkpoint to read the history of (for example a subgraph's namespace).</summary>
    public Checkpoint? Checkpoint { get; set; }

    /// <summary>
    /// Gets the state fields to return for each state (<c>select</c> in the body; the values of
    /// <see cref="ThreadGetStateOptions.Select"/>); sent when not empty. Servers that do not know it (the JS dev server
    /// 1.5.1) return whole states.
    /// </summary>
    public IList<string> Select { get; } = new List<string>();
}

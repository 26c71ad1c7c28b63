namespace LangGraph.Sdk;

/// <summary>One state update within a <see cref="ThreadSuperstep"/>.</summary>
public sealed class ThreadSuperstepUpdate
{
    /// <summary>Gets or sets the values written (sent as <c>values</c>).</summary>
    public object? Values { get; set; }

    /// <summary>Gets or sets a command applied instead of values (sent as <c>command</c>).</summary>
    public RunCommand? Command { get; set; }

    /// <summary>Gets or sets the node the update is attributed to (sent as <c>as_node</c>).</summary>
    public string? AsNode { get; set; }
}

namespace LangGraph.Sdk;

/// <summary>
/// A command that drives a graph instead of (or besides) an input: resume an interrupt, update the state, go to a node.
/// Null members are not sent.
/// </summary>
public sealed record RunCommand
{
    /// <summary>Gets the value returned by the pending <c>interrupt()</c> call.</summary>
    public object? Resume { get; init; }

    /// <summary>Gets a state update applied before continuing (an object, or a list of key/value pairs).</summary>
    public object? Update { get; init; }

    /// <summary>Gets the node (or nodes, or <c>Send</c> objects) to go to next.</summary>
    public object? Goto { get; init; }
}

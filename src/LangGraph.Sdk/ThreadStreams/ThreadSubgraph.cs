using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk;

/// <summary>
/// A subgraph (or a node that streams with its own namespace) running inside a thread stream's run
/// (<see cref="ThreadStream.Subgraphs"/>), with the same projections as the stream, scoped to its namespace.
/// </summary>
public sealed class ThreadSubgraph
{
    private readonly ThreadProjections _projections;

    internal ThreadSubgraph(string name, int index, IReadOnlyList<string> ns, string? graphName, ThreadProjections projections)
    {
        Name = name;
        Index = index;
        Namespace = ns;
        GraphName = graphName;
        _projections = projections;
    }

    /// <summary>Gets the name: the node the subgraph runs in (the last namespace segment before its <c>:</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the index of a parallel instance (a numeric suffix of the segment), else 0.</summary>
    public int Index { get; }

    /// <summary>Gets the subgraph's namespace (<c>["research:9b35…"]</c>).</summary>
    public IReadOnlyList<string> Namespace { get; }

    /// <summary>Gets the name of the graph the server reports for it, when it does.</summary>
    public string? GraphName { get; }

    /// <summary>Gets the subgraph's state after each of its steps (its <c>values</c> events).</summary>
    public IAsyncEnumerable<JsonElement> Values => _projections.ValuesAsync();

    /// <summary>Gets the chat model messages streamed inside the subgraph, each once it is complete.</summary>
    public IAsyncEnumerable<ThreadMessage> Messages => _projections.MessagesAsync();

    /// <summary>Gets the chat model tokens streamed inside the subgraph, as they arrive.</summary>
    public IAsyncEnumerable<ThreadMessageDelta> MessageDeltas => _projections.MessageDeltasAsync();

    /// <summary>Gets the tool executions inside the subgraph, each once it ended.</summary>
    public IAsyncEnumerable<ThreadToolCall> ToolCalls => _projections.ToolCallsAsync();

    /// <summary>Gets the subgraphs started directly inside this one.</summary>
    public IAsyncEnumerable<ThreadSubgraph> Subgraphs => _projections.SubgraphsAsync();

    /// <summary>Waits for the subgraph to end and returns its last values.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The last values (a JSON null when it sent none).</returns>
    /// <exception cref="LangGraphRunException">The subgraph failed.</exception>
    public Task<JsonElement> GetOutputAsync(CancellationToken cancellationToken = default) => _projections.OutputAsync(null, cancellationToken);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} [{string.Join(", ", Namespace)}]";
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The drawable graph of an assistant: its nodes and edges (Python's <c>get_graph</c> result, <c>{nodes, edges}</c>).</summary>
public sealed record AssistantGraph
{
    /// <summary>Gets the nodes, including <c>__start__</c> and <c>__end__</c>; never null.</summary>
    [JsonPropertyName("nodes")]
    public IReadOnlyList<GraphNode> Nodes { get; init => field = value ?? []; } = [];

    /// <summary>Gets the edges; never null.</summary>
    [JsonPropertyName("edges")]
    public IReadOnlyList<GraphEdge> Edges { get; init => field = value ?? []; } = [];
}

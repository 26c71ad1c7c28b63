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

    /// <summary>
    /// Renders the graph as a Mermaid flowchart (paste it in a Markdown <c>mermaid</c> block, GitHub and most doc tools draw
    /// it): <c>__start__</c> and <c>__end__</c> as stadiums, conditional edges dotted and labelled, the nodes of x-ray
    /// subgraphs grouped in <c>subgraph</c> blocks.
    /// </summary>
    /// <returns>The Mermaid source.</returns>
    public string ToMermaid() => LangGraph.Sdk.Assistants.GraphMermaid.Render(this);
}

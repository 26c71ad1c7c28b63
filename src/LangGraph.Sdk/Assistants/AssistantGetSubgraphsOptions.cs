namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.GetSubgraphsAsync"/>.</summary>
public sealed class AssistantGetSubgraphsOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets or sets the namespace of the one subgraph to get (<c>GET /assistants/{id}/subgraphs/{namespace}</c>);
    /// every subgraph when null.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>Gets or sets whether the subgraphs of subgraphs are included too. Always sent as <c>recurse</c>.</summary>
    /// <value>The default value is false.</value>
    public bool Recurse { get; set; }
}

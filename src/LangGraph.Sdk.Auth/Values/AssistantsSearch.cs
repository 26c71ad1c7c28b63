using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>assistants:search</c> event. Searching or counting assistants. Python's <c>AssistantsSearch</c>.
/// </summary>
/// <remarks>An <c>[On("assistants", "search")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class AssistantsSearch : IMetadataValue
{
    private JsonObject _metadata = new();

    /// <summary>Gets or sets the graph id (<c>graph_id</c>).</summary>
    public string? GraphId { get; set; }

    /// <summary>Gets or sets the metadata (<c>metadata</c>); never null, an absent one is empty. Changes are what the server stores.</summary>
    [AllowNull]
    public JsonObject Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new JsonObject();
    }

    /// <summary>Gets or sets the page size (<c>limit</c>). <value>The default value is 10.</value></summary>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets the number of items skipped (<c>offset</c>).</summary>
    public int Offset { get; set; }
}

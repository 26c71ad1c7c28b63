using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>assistants:read</c> event. Reading an assistant, its graph, schemas, subgraphs or versions. Python's <c>AssistantsRead</c>.
/// </summary>
/// <remarks>An <c>[On("assistants", "read")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class AssistantsRead : IMetadataValue
{
    private JsonObject _metadata = new();

    /// <summary>Gets or sets the assistant id, a UUID or (on the JS server) a graph id (<c>assistant_id</c>).</summary>
    public string? AssistantId { get; set; }

    /// <summary>Gets or sets the metadata (<c>metadata</c>); never null, an absent one is empty. Changes are what the server stores.</summary>
    [AllowNull]
    public JsonObject Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new JsonObject();
    }
}

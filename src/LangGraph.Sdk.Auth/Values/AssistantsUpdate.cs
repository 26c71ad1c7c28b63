using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>assistants:update</c> event. Updating an assistant or setting its latest version. Python's <c>AssistantsUpdate</c>.
/// </summary>
/// <remarks>An <c>[On("assistants", "update")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class AssistantsUpdate : IMetadataValue
{
    private JsonObject _metadata = new();

    /// <summary>Gets or sets the assistant id, a UUID or (on the JS server) a graph id (<c>assistant_id</c>).</summary>
    public string? AssistantId { get; set; }

    /// <summary>Gets or sets the graph id (<c>graph_id</c>).</summary>
    public string? GraphId { get; set; }

    /// <summary>Gets or sets the config (<c>config</c>).</summary>
    public JsonObject? Config { get; set; }

    /// <summary>Gets or sets the static context (<c>context</c>).</summary>
    public JsonObject? Context { get; set; }

    /// <summary>Gets or sets the metadata (<c>metadata</c>); never null, an absent one is empty. Changes are what the server stores.</summary>
    [AllowNull]
    public JsonObject Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new JsonObject();
    }

    /// <summary>Gets or sets the name (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the description (<c>description</c>).</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the version to make the latest (set latest), or null (<c>version</c>).</summary>
    public int? Version { get; set; }
}

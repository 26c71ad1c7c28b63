using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>threads:update</c> event. Updating a thread or its state, or cancelling its runs. Python's <c>ThreadsUpdate</c>.
/// </summary>
/// <remarks>An <c>[On("threads", "update")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class ThreadsUpdate : IMetadataValue
{
    private JsonObject _metadata = new();

    /// <summary>Gets or sets the thread id, a UUID (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets the metadata (<c>metadata</c>); never null, an absent one is empty. Changes are what the server stores.</summary>
    [AllowNull]
    public JsonObject Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new JsonObject();
    }

    /// <summary>Gets or sets the cancel action: <c>"interrupt"</c> or <c>"rollback"</c>, or null (<c>action</c>).</summary>
    public string? Action { get; set; }
}

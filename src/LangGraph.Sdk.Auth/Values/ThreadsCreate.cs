using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>threads:create</c> event. Creating a thread (POST /threads; the second step of a copy). Python's <c>ThreadsCreate</c>.
/// </summary>
/// <remarks>An <c>[On("threads", "create")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class ThreadsCreate : IMetadataValue
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

    /// <summary>Gets or sets what to do when it already exists: <c>"raise"</c> or <c>"do_nothing"</c> (<c>if_exists</c>).</summary>
    public string? IfExists { get; set; }

    /// <summary>Gets or sets the time to live (<c>ttl</c>).</summary>
    public ThreadTtl? Ttl { get; set; }
}

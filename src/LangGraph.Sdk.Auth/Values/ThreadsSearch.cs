using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>threads:search</c> event. Searching or counting threads, or listing a thread's runs. Python's <c>ThreadsSearch</c>.
/// </summary>
/// <remarks>An <c>[On("threads", "search")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class ThreadsSearch : IMetadataValue
{
    private JsonObject _metadata = new();

    /// <summary>Gets or sets the metadata (<c>metadata</c>); never null, an absent one is empty. Changes are what the server stores.</summary>
    [AllowNull]
    public JsonObject Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new JsonObject();
    }

    /// <summary>Gets or sets the state values to match (<c>values</c>).</summary>
    public JsonObject? Values { get; set; }

    /// <summary>Gets or sets the status (<c>status</c>).</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the page size (<c>limit</c>). <value>The default value is 10.</value></summary>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets the number of items skipped (<c>offset</c>).</summary>
    public int Offset { get; set; }

    /// <summary>Gets or sets the thread ids to restrict the search to (<c>ids</c>).</summary>
    public IList<string>? Ids { get; set; }

    /// <summary>Gets or sets the thread id, a UUID (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }
}

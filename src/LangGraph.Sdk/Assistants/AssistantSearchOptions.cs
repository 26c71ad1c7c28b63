using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="AssistantsClient.SearchAsync"/> and <see cref="AssistantsClient.SearchPageAsync"/>.
/// <see cref="Limit"/> and <see cref="Offset"/> are always sent; the rest only when set and not empty.
/// </summary>
public sealed class AssistantSearchOptions : LangGraphRequestOptions
{
    /// <summary>Gets the metadata the assistants must have (exact match per key).</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the graph the assistants must run.</summary>
    public string? GraphId { get; set; }

    /// <summary>Gets or sets a text the assistant names must contain (case-insensitive).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the page size.</summary>
    /// <value>The default value is 10.</value>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets how many assistants to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; set; }

    /// <summary>Gets or sets the sort field; the server's default order applies when null.</summary>
    public AssistantSortBy? SortBy { get; set; }

    /// <summary>Gets or sets the sort direction; the server's default applies when null.</summary>
    public SortOrder? SortOrder { get; set; }

    /// <summary>
    /// Gets the fields to return (<c>assistant_id</c>, <c>graph_id</c>, <c>name</c>, <c>description</c>, <c>config</c>,
    /// <c>context</c>, <c>created_at</c>, <c>updated_at</c>, <c>metadata</c>, <c>version</c>); all fields when empty.
    /// </summary>
    public IList<string> Select { get; } = new List<string>();
}

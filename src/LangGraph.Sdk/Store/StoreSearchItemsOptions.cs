using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="StoreClient.SearchItemsAsync"/>. <see cref="Limit"/> and <see cref="Offset"/> are always sent;
/// the rest when set (and, for <see cref="Filter"/>, not empty).
/// </summary>
public sealed class StoreSearchItemsOptions : LangGraphRequestOptions
{
    /// <summary>Gets the values the items must have (exact match per key of the item's value).</summary>
    public IDictionary<string, object?> Filter { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the page size.</summary>
    /// <value>The default value is 10.</value>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets how many items to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; set; }

    /// <summary>Gets or sets a natural-language query, for a store with a search index (results then carry a <see cref="SearchItem.Score"/>).</summary>
    public string? Query { get; set; }

    /// <summary>Gets or sets whether the items found have their time to live restarted; the store's default applies when null.</summary>
    public bool? RefreshTtl { get; set; }
}

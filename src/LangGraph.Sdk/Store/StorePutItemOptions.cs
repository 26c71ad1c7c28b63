using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="StoreClient.PutItemAsync"/>. Null members are not sent.</summary>
public sealed class StorePutItemOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets or sets the field paths of the value to index for natural-language search (for example <c>["title", "content.text"]</c>);
    /// the store's index settings apply when null. Sent as <c>index</c>.
    /// </summary>
    public IList<string>? Index { get; set; }

    /// <summary>
    /// Gets or sets whether the item is kept out of the search index (sent as <c>"index": false</c>).
    /// Cannot be combined with <see cref="Index"/>.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool DisableIndex { get; set; }

    /// <summary>Gets or sets the item's time to live in minutes; it never expires when null. Sent as <c>ttl</c>.</summary>
    public int? Ttl { get; set; }
}

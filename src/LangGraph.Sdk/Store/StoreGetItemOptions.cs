namespace LangGraph.Sdk;

/// <summary>Options of <see cref="StoreClient.GetItemAsync"/>.</summary>
public sealed class StoreGetItemOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets or sets whether reading the item restarts its time to live; sent as <c>refresh_ttl</c> when not null
    /// (the store's default applies when null).
    /// </summary>
    public bool? RefreshTtl { get; set; }
}

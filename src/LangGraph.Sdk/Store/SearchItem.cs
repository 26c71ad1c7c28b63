using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>An item found by <see cref="StoreClient.SearchItemsAsync"/>: the <see cref="Item"/> plus its relevance score.</summary>
public sealed record SearchItem : Item
{
    /// <summary>
    /// Gets the relevance score of a natural-language search (<see cref="StoreSearchItemsOptions.Query"/>) on a store with
    /// a search index; null otherwise (the JS dev server never sends one).
    /// </summary>
    [JsonPropertyName("score")]
    public double? Score { get; init; }
}

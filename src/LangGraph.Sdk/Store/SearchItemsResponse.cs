using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /store/items/search</c>: <c>{"items": [...]}</c>.</summary>
internal sealed record SearchItemsResponse
{
    [JsonPropertyName("items")]
    public List<SearchItem>? Items { get; init; }
}

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /threads/search</c> and (without paging) <c>/threads/count</c>.</summary>
internal sealed record ThreadSearchRequest : SearchRequest
{
    [JsonPropertyName("values")]
    public Dictionary<string, JsonElement>? Values { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("ids")]
    public IList<string>? Ids { get; init; }

    [JsonPropertyName("extract")]
    public IDictionary<string, string>? Extract { get; init; }
}

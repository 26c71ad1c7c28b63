using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /assistants/search</c>, and (partly) of the count and versions routes.</summary>
internal sealed record AssistantSearchRequest : SearchRequest
{
    [JsonPropertyName("graph_id")]
    public string? GraphId { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }
}

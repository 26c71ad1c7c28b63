using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /runs/crons/search</c> and (without paging) <c>/runs/crons/count</c>.</summary>
internal sealed record CronSearchRequest : SearchRequest
{
    [JsonPropertyName("assistant_id")]
    public string? AssistantId { get; init; }

    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }
}

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /threads</c>.</summary>
internal sealed record ThreadCreateRequest
{
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("if_exists")]
    public string? IfExists { get; init; }

    [JsonPropertyName("supersteps")]
    public IReadOnlyList<ThreadSuperstepRequest>? Supersteps { get; init; }

    [JsonPropertyName("ttl")]
    public ThreadTtlRequest? Ttl { get; init; }
}

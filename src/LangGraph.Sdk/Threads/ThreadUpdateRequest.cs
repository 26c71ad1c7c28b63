using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>PATCH /threads/{thread_id}</c>: the metadata (always sent) and the time to live.</summary>
internal sealed record ThreadUpdateRequest
{
    [JsonPropertyName("metadata")]
    public required Dictionary<string, JsonElement> Metadata { get; init; }

    [JsonPropertyName("ttl")]
    public ThreadTtlRequest? Ttl { get; init; }
}

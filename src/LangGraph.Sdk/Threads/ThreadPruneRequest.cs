using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /threads/prune</c>.</summary>
internal sealed record ThreadPruneRequest
{
    [JsonPropertyName("thread_ids")]
    public required IEnumerable<string> ThreadIds { get; init; }

    [JsonPropertyName("strategy")]
    public string? Strategy { get; init; }
}

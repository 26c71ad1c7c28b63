using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /runs/cancel</c>: which runs to cancel.</summary>
internal sealed record RunCancelManyRequest
{
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    [JsonPropertyName("run_ids")]
    public IReadOnlyList<string>? RunIds { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

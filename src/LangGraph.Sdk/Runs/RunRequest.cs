using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of the run-creation routes (stream, create, wait, batch): the run fields plus those only runs have.</summary>
internal sealed record RunRequest : RunFieldsRequest
{
    [JsonPropertyName("command")]
    public RunCommandRequest? Command { get; init; }

    [JsonPropertyName("checkpoint")]
    public Checkpoint? Checkpoint { get; init; }

    [JsonPropertyName("checkpoint_id")]
    public string? CheckpointId { get; init; }

    [JsonPropertyName("feedback_keys")]
    public IReadOnlyList<string>? FeedbackKeys { get; init; }

    [JsonPropertyName("on_disconnect")]
    public string? OnDisconnect { get; init; }

    [JsonPropertyName("on_completion")]
    public string? OnCompletion { get; init; }

    [JsonPropertyName("if_not_exists")]
    public string? IfNotExists { get; init; }

    [JsonPropertyName("after_seconds")]
    public int? AfterSeconds { get; init; }

    [JsonPropertyName("strict_resume")]
    public bool? StrictResume { get; init; }

    [JsonPropertyName("langsmith_tracer")]
    public LangSmithTracerRequest? LangSmithTracer { get; init; }
}

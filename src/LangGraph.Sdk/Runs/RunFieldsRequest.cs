using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The run fields, declared once: what a run is created with, shared by the run routes (<see cref="RunRequest"/>) and the
/// cron routes (<see cref="CronRequest"/>). Null members are not sent, as the Python SDK strips <c>None</c>.
/// </summary>
internal abstract record RunFieldsRequest
{
    [JsonPropertyName("assistant_id")]
    public string? AssistantId { get; init; }

    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("config")]
    public RunConfigRequest? Config { get; init; }

    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }

    [JsonPropertyName("checkpoint_during")]
    public bool? CheckpointDuring { get; init; }

    [JsonPropertyName("interrupt_before")]
    [JsonConverter(typeof(NodeListConverter))]
    public IReadOnlyList<string>? InterruptBefore { get; init; }

    [JsonPropertyName("interrupt_after")]
    [JsonConverter(typeof(NodeListConverter))]
    public IReadOnlyList<string>? InterruptAfter { get; init; }

    [JsonPropertyName("webhook")]
    public string? Webhook { get; init; }

    [JsonPropertyName("multitask_strategy")]
    public string? MultitaskStrategy { get; init; }

    [JsonPropertyName("stream_mode")]
    public IReadOnlyList<StreamMode>? StreamMode { get; init; }

    [JsonPropertyName("stream_subgraphs")]
    public bool? StreamSubgraphs { get; init; }

    [JsonPropertyName("stream_resumable")]
    public bool? StreamResumable { get; init; }

    [JsonPropertyName("durability")]
    public string? Durability { get; init; }
}

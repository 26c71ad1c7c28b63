using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>The params of <c>run.start</c>.</summary>
internal sealed record RunStartParams
{
    [JsonPropertyName("assistant_id")]
    public required string AssistantId { get; init; }

    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    [JsonPropertyName("config")]
    public RunConfigRequest? Config { get; init; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>camelCase on the wire: the 1.5.1 server reads only <c>multitaskStrategy</c>.</summary>
    [JsonPropertyName("multitaskStrategy")]
    public string? MultitaskStrategy { get; init; }
}

/// <summary>The params of <c>input.respond</c>.</summary>
internal sealed record InputRespondParams
{
    [JsonPropertyName("interrupt_id")]
    public required string InterruptId { get; init; }

    [JsonPropertyName("namespace")]
    public IReadOnlyList<string>? Namespace { get; init; }

    [JsonPropertyName("response")]
    public JsonElement Response { get; init; }
}

/// <summary>The params of <c>state.get</c>.</summary>
internal sealed record StateGetParams
{
    [JsonPropertyName("keys")]
    public IReadOnlyList<string>? Keys { get; init; }
}

/// <summary>The params of <c>subscription.unsubscribe</c>.</summary>
internal sealed record UnsubscribeParams
{
    [JsonPropertyName("subscription_id")]
    public required string SubscriptionId { get; init; }
}

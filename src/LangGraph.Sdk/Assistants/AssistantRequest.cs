using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of the assistant create, update and set-latest routes; null members are not sent.</summary>
internal sealed record AssistantRequest
{
    [JsonPropertyName("graph_id")]
    public string? GraphId { get; init; }

    [JsonPropertyName("assistant_id")]
    public string? AssistantId { get; init; }

    [JsonPropertyName("config")]
    public RunConfigRequest? Config { get; init; }

    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("if_exists")]
    public string? IfExists { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("version")]
    public int? Version { get; init; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The JSON schemas of a graph's input, output, state, config and context (Python's <c>GraphSchema</c>).</summary>
public sealed record GraphSchema
{
    /// <summary>Gets the graph id.</summary>
    [JsonPropertyName("graph_id")]
    public string GraphId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the JSON schema of the graph's input, when the server could extract it.</summary>
    [JsonPropertyName("input_schema")]
    public JsonElement? InputSchema { get; init; }

    /// <summary>Gets the JSON schema of the graph's output, when the server could extract it.</summary>
    [JsonPropertyName("output_schema")]
    public JsonElement? OutputSchema { get; init; }

    /// <summary>Gets the JSON schema of the graph's state, when the server could extract it.</summary>
    [JsonPropertyName("state_schema")]
    public JsonElement? StateSchema { get; init; }

    /// <summary>Gets the JSON schema of the graph's <c>configurable</c> config, when the server could extract it.</summary>
    [JsonPropertyName("config_schema")]
    public JsonElement? ConfigSchema { get; init; }

    /// <summary>Gets the JSON schema of the graph's run context, when the server could extract it.</summary>
    [JsonPropertyName("context_schema")]
    public JsonElement? ContextSchema { get; init; }
}

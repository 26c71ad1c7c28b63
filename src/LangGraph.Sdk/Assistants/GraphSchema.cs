using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The JSON schemas of a graph's input, output, state, config and context (Python's <c>GraphSchema</c>).
/// </summary>
/// <remarks>
/// The server answers in two shapes. <c>GET /assistants/{id}/schemas</c> sends <c>graph_id</c> and the
/// <c>*_schema</c> members (<see cref="InputSchema"/> and the rest). <c>GET /assistants/{id}/subgraphs</c> sends, for each
/// namespace, only <c>state</c>, <c>input</c>, <c>output</c> and <c>config</c> (<see cref="State"/>, <see cref="Input"/>,
/// <see cref="Output"/>, <see cref="Config"/>); Python types both as <c>GraphSchema</c>. Each member is null when the
/// shape at hand does not carry it.
/// </remarks>
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

    /// <summary>Gets the JSON schema of a subgraph's state (the <c>state</c> member of the subgraphs shape).</summary>
    [JsonPropertyName("state")]
    public JsonElement? State { get; init; }

    /// <summary>Gets the JSON schema of a subgraph's input (the <c>input</c> member of the subgraphs shape).</summary>
    [JsonPropertyName("input")]
    public JsonElement? Input { get; init; }

    /// <summary>Gets the JSON schema of a subgraph's output (the <c>output</c> member of the subgraphs shape).</summary>
    [JsonPropertyName("output")]
    public JsonElement? Output { get; init; }

    /// <summary>Gets the JSON schema of a subgraph's config (the <c>config</c> member of the subgraphs shape).</summary>
    [JsonPropertyName("config")]
    public JsonElement? Config { get; init; }
}

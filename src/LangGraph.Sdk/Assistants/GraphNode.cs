using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A node of an <see cref="AssistantGraph"/>.</summary>
public sealed record GraphNode
{
    /// <summary>Gets the node id (its name; <c>subgraph:node</c> for the nodes of a subgraph drawn with x-ray).</summary>
    [JsonPropertyName("id")]
    public string Id { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the node kind, for example <c>runnable</c> or <c>schema</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>Gets what the node wraps (a runnable description, a schema or a name), as the server sends it.</summary>
    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }

    /// <summary>Gets the node's metadata, when it has any.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }
}

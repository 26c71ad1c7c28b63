using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>An edge of an <see cref="AssistantGraph"/>.</summary>
public sealed record GraphEdge
{
    /// <summary>Gets the id of the node the edge leaves.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the id of the node the edge enters.</summary>
    [JsonPropertyName("target")]
    public string Target { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets whether the edge is taken only when a condition holds.</summary>
    [JsonPropertyName("conditional")]
    public bool Conditional { get; init; }

    /// <summary>Gets the edge's label or data (for example the branch name of a conditional edge), when it has any.</summary>
    [JsonPropertyName("data")]
    public JsonElement? Data { get; init; }
}

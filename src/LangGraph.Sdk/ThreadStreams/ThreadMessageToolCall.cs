using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A tool call a chat model asked for in a <see cref="ThreadMessage"/>, with its arguments assembled from their chunks.</summary>
/// <param name="Id">The tool call id.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="Args">The arguments: the object the server finished the block with, or the assembled chunks parsed (their text when not JSON).</param>
public sealed record ThreadMessageToolCall(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("args")] JsonElement Args);

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A tool execution, assembled from its <c>tools</c> events (<see cref="ThreadStream.ToolCalls"/>).</summary>
/// <param name="CallId">The tool call id.</param>
/// <param name="Name">The tool's name.</param>
/// <param name="Namespace">Where in the graph the tool ran.</param>
/// <param name="Input">The tool's input (parsed when the server sent it as JSON text).</param>
/// <param name="Output">The tool's output: the tool message's content (parsed when it is JSON text); null unless finished.</param>
/// <param name="OutputDeltas">The output chunks the tool streamed (<c>tool-output-delta</c>), in order.</param>
/// <param name="Error">The error message of a failed tool; null otherwise.</param>
/// <param name="Status">How the call ended.</param>
public sealed record ThreadToolCall(
    [property: JsonPropertyName("call_id")] string CallId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("input")] JsonElement Input,
    [property: JsonPropertyName("output")] JsonElement? Output,
    [property: JsonPropertyName("output_deltas")] IReadOnlyList<JsonElement> OutputDeltas,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("status")] ThreadToolCallStatus Status);

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A chat model message, assembled from its <c>messages</c> events (<see cref="ThreadStream.Messages"/>).</summary>
/// <param name="Id">The message id (for example <c>run-…</c>).</param>
/// <param name="Namespace">Where in the graph it was streamed from.</param>
/// <param name="Node">The node that streamed it, when known.</param>
/// <param name="RunId">The model call's run id, when the server sent it.</param>
/// <param name="Blocks">The content blocks, in order (text, reasoning, tool calls, …), as the last event left them.</param>
/// <param name="Text">The text of the text blocks, concatenated.</param>
/// <param name="ToolCalls">The tool calls of the message.</param>
/// <param name="FinishReason">Why the model stopped (for example <c>stop</c> or <c>tool_calls</c>); null when it did not finish.</param>
/// <param name="Usage">The token usage, when the server sent it.</param>
/// <param name="Error">Why the message is incomplete: the server's error, or <c>aborted</c> when the run ended before it finished; null for a finished message.</param>
public sealed record ThreadMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("node")] string? Node,
    [property: JsonPropertyName("run_id")] string? RunId,
    [property: JsonPropertyName("blocks")] IReadOnlyList<JsonElement> Blocks,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("tool_calls")] IReadOnlyList<ThreadMessageToolCall> ToolCalls,
    [property: JsonPropertyName("finish_reason")] string? FinishReason,
    [property: JsonPropertyName("usage")] JsonElement? Usage,
    [property: JsonPropertyName("error")] string? Error);

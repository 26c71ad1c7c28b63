using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>One token (or chunk) of a chat model message as it streams (<see cref="ThreadStream.MessageDeltas"/>).</summary>
/// <param name="MessageId">The message it belongs to.</param>
/// <param name="Namespace">Where in the graph the message is streamed from.</param>
/// <param name="Index">The index of the content block the chunk extends.</param>
/// <param name="Kind">What the chunk extends: <c>text</c>, <c>reasoning</c>, <c>tool-call</c> (the arguments' JSON text) or <c>data</c>.</param>
/// <param name="Text">The chunk.</param>
public sealed record ThreadMessageDelta(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("text")] string Text);

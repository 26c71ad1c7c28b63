using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// One event of a thread's event stream (the thread streaming protocol): an SSE <c>data:</c> or WebSocket frame of the
/// form <c>{"type":"event","event_id":"5","seq":5,"method":"updates","params":{"namespace":[],"timestamp":…,"node":…,"data":{…}}}</c>.
/// </summary>
/// <param name="Seq">The event's sequence number on the thread (1, 2, …; gaps on a filtered stream).</param>
/// <param name="EventId">The event id as the server sent it (the sequence number as text).</param>
/// <param name="Method">The event's method: <c>values</c>, <c>updates</c>, <c>messages</c>, <c>tools</c>, <c>lifecycle</c>, <c>checkpoints</c>, <c>tasks</c>, <c>custom</c>, <c>input.requested</c>.</param>
/// <param name="Channel">The channel the event belongs to (<see cref="ThreadChannels"/>): the method, <c>input</c> for <c>input.requested</c>, <c>custom:&lt;name&gt;</c> for a named custom event.</param>
/// <param name="Namespace">Where in the graph the event comes from: <c>[]</c> for the root graph, else segments <c>"&lt;node&gt;:&lt;task id&gt;"</c>.</param>
/// <param name="Node">The node of an <c>updates</c> event, when the server names one.</param>
/// <param name="Timestamp">When the server emitted the event, in Unix milliseconds.</param>
/// <param name="Data">The event's payload (<c>params.data</c>).</param>
public sealed record ThreadEvent(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("node")] string? Node,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    /// <summary>Gets whether the event comes from the root graph (an empty <see cref="Namespace"/>).</summary>
    [JsonIgnore]
    public bool IsRoot => Namespace.Count == 0;
}

using System.Collections.Generic;
using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>
/// One chunk streamed by <see cref="RemoteGraph.StreamAsync"/> (Python's v2 stream part): its mode, the subgraph namespace
/// it comes from, and its data.
/// </summary>
public sealed record RemoteGraphChunk
{
    /// <summary>Creates a chunk.</summary>
    /// <param name="mode">The stream mode (<c>messages</c> for the <c>messages-tuple</c> mode).</param>
    /// <param name="namespace">The subgraph namespace; empty for the root graph.</param>
    /// <param name="data">The data as the server sent it.</param>
    /// <param name="id">The event id, when the server sent one.</param>
    public RemoteGraphChunk(StreamMode mode, IReadOnlyList<string> @namespace, JsonElement data, string? id = null)
    {
        Mode = mode;
        Namespace = @namespace ?? [];
        Data = data;
        Id = id;
    }

    /// <summary>Gets the stream mode: <c>values</c>, <c>updates</c>, <c>messages</c>, <c>custom</c>, ….</summary>
    public StreamMode Mode { get; }

    /// <summary>
    /// Gets the subgraph namespace: the segments (each like <c>node:task_id</c>) of an event named <c>mode|ns1|ns2</c>;
    /// empty for an event of the root graph.
    /// </summary>
    public IReadOnlyList<string> Namespace { get; }

    /// <summary>Gets the data: the state for <c>values</c>, the node updates for <c>updates</c>, a <c>[message, metadata]</c> pair for <c>messages</c>.</summary>
    public JsonElement Data { get; }

    /// <summary>Gets the event id, when the server sent one (thread runs on a resumable server).</summary>
    public string? Id { get; }

    /// <summary>
    /// Gets the interrupts this chunk reports (the <c>__interrupt__</c> entry of an <c>updates</c> or <c>values</c> chunk);
    /// empty when there are none. An <c>updates</c> chunk carrying interrupts is yielded even when <c>updates</c> was not
    /// requested, so that a caller always sees that the graph stopped.
    /// </summary>
    public IReadOnlyList<Interrupt> Interrupts => LangGraph.Sdk.Streaming.InterruptData.Read(Data);

    /// <summary>Reads a <c>messages</c> chunk: the LLM message and its metadata.</summary>
    /// <param name="message">The message and its metadata.</param>
    /// <returns>True when the chunk is such a pair.</returns>
    public bool TryGetMessage(out StreamMessage message)
    {
        message = default;
        return Mode == StreamMode.Messages && StreamMessage.TryRead(Data, out message);
    }
}

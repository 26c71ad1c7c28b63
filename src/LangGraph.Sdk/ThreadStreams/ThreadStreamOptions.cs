using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// How <see cref="ThreadsClient.Stream"/> opens a <see cref="ThreadStream"/>: the assistant, the transport, the channels of
/// the event connection, and the headers and query parameters sent with every request of the stream (and the WebSocket upgrade).
/// </summary>
public sealed class ThreadStreamOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the assistant (or graph) that <see cref="ThreadStream.StartRunAsync"/> runs. Required.</summary>
    public string AssistantId { get; set; } = string.Empty;

    /// <summary>Gets or sets the transport.</summary>
    /// <value>The default value is <see cref="ThreadStreamTransport.Sse"/>, which resumes a dropped connection exactly.</value>
    public ThreadStreamTransport Transport { get; set; } = ThreadStreamTransport.Sse;

    /// <summary>
    /// Gets the channels the event connection carries (<see cref="ThreadChannels"/>). Projections need <c>lifecycle</c> (and
    /// their own channel).
    /// </summary>
    /// <value>The default is every channel (<see cref="ThreadChannels.All"/>).</value>
    public IList<string> Channels { get; } = new List<string>(ThreadChannels.All);

    /// <summary>
    /// Gets or sets the sequence number after which events are wanted. Null: for a new (client-minted) thread from the start,
    /// for an existing thread from the server's current position (earlier runs are not replayed).
    /// </summary>
    public long? Since { get; set; }

    /// <summary>
    /// Gets or sets how many reconnects in a row are tried when the event connection drops (the count restarts after an event).
    /// </summary>
    /// <value>The default (null) is <see cref="LangGraphRetryOptions.MaxStreamReconnects"/>. Range 0 to 50.</value>
    public int? MaxReconnects { get; set; }
}

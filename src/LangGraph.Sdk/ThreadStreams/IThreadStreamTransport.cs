using System;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// How a <see cref="ThreadStream"/> reaches the server: SSE (<see cref="SseThreadStreamTransport"/>) or WebSocket
/// (<see cref="WebSocketThreadStreamTransport"/>). Both are built from (<see cref="ThreadStreamConnection"/>,
/// <see cref="ThreadEventLog"/>, the channels of the stream's main subscription) and put every event they receive into the log.
/// </summary>
internal interface IThreadStreamTransport : IAsyncDisposable
{
    /// <summary>
    /// Opens the event connection if needed and returns once no event of a run started after it can be missed (SSE: the
    /// request, which asks for every event after the log's last sequence number, is started; WebSocket: socket open and the
    /// main subscription sent). Events go into the log given at construction; a failure to connect faults the log.
    /// </summary>
    ValueTask OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends one command and returns its success reply. An error reply throws <see cref="ThreadStreamProtocolException"/>;
    /// a dropped WebSocket fails pending commands with a <see cref="LangGraphException"/> (the command may have been applied).
    /// </summary>
    Task<ProtocolReply> SendAsync(int id, string method, object? @params, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a server-side subscription and returns its id (SSE: an extra event connection when the filter is not covered by the
    /// main one; WebSocket: <c>subscription.subscribe</c>).
    /// </summary>
    Task<string> SubscribeAsync(int id, ThreadSubscribeOptions filter, CancellationToken cancellationToken);

    /// <summary>Removes a subscription added by <see cref="SubscribeAsync"/>.</summary>
    Task UnsubscribeAsync(int id, string subscriptionId, CancellationToken cancellationToken);
}

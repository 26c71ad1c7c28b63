using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// PLACEHOLDER on branch issue19-core only, so that the branch compiles: the WebSocket transport is written by the
/// issue19-ws branch, which replaces this whole file. It must not reach main as it is.
/// </summary>
internal sealed class WebSocketThreadStreamTransport : IThreadStreamTransport
{
    private const string Missing = "The WebSocket thread stream transport is not on this branch (issue19-ws replaces this placeholder).";

    public WebSocketThreadStreamTransport(ThreadStreamConnection connection, ThreadEventLog log, IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(channels);
    }

    public ValueTask OpenAsync(CancellationToken cancellationToken) => throw new NotSupportedException(Missing);

    public Task<ProtocolReply> SendAsync(int id, string method, object? @params, CancellationToken cancellationToken) => throw new NotSupportedException(Missing);

    public Task<string> SubscribeAsync(int id, ThreadSubscribeOptions filter, CancellationToken cancellationToken) => throw new NotSupportedException(Missing);

    public Task UnsubscribeAsync(int id, string subscriptionId, CancellationToken cancellationToken) => throw new NotSupportedException(Missing);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

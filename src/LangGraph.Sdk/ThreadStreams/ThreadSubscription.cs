using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk;

/// <summary>
/// A subscription of a <see cref="ThreadStream"/> (<see cref="ThreadStream.SubscribeAsync"/>): the events that match its
/// filter, from the start of the current run, until it is unsubscribed or the stream is disposed.
/// </summary>
public sealed class ThreadSubscription : IAsyncDisposable
{
    private readonly ThreadStream _stream;
    private readonly ThreadEventLog _log;
    private readonly ProtocolFilter _filter;
    private readonly int _start;
    private readonly CancellationTokenSource _ended = new();

    internal ThreadSubscription(ThreadStream stream, ThreadEventLog log, string id, ThreadSubscribeOptions options, int start)
    {
        _stream = stream;
        _log = log;
        Id = id;
        Options = options;
        _filter = ProtocolFilter.From(options);
        _start = start;
    }

    /// <summary>Gets the subscription id.</summary>
    public string Id { get; }

    /// <summary>Gets the filter the subscription was made with.</summary>
    public ThreadSubscribeOptions Options { get; }

    /// <summary>Gets whether the subscription was removed.</summary>
    public bool IsUnsubscribed => _ended.IsCancellationRequested;

    /// <summary>
    /// Gets the events that match the filter, from the start of the run that was current when it subscribed, as they arrive.
    /// Each enumeration has its own cursor. It ends when the subscription is removed or the stream disposed.
    /// </summary>
    public IAsyncEnumerable<ThreadEvent> Events => ReadAsync();

    /// <summary>Removes the subscription (<see cref="ThreadStream.UnsubscribeAsync"/>); removing it twice does nothing.</summary>
    /// <returns>A task that completes when it is removed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!IsUnsubscribed)
        {
            await _stream.UnsubscribeAsync(this).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the enumerations: the subscription was removed.</summary>
    internal void End() => _ended.Cancel();

    private async IAsyncEnumerable<ThreadEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
        var events = _log.ReadAsync(_start, linked.Token).GetAsyncEnumerator(linked.Token);
        await using (events.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await events.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (OperationCanceledException) when (_ended.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    yield break;
                }

                if (_filter.Matches(events.Current))
                {
                    yield return events.Current;
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Diagnostics;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// The SSE transport of a <see cref="ThreadStream"/>: each command is one <c>POST /threads/{id}/commands</c> through the HTTP
/// core (a command that reached the server is never sent again), and events arrive on one
/// <c>POST /threads/{id}/stream/events</c> server-sent event stream whose filter is the union of the subscriptions.
/// </summary>
/// <remarks>
/// The event stream never ends by itself. When it drops (or ends), it is opened again after the client's backoff with
/// <c>since</c> = the last sequence number received, so the server replays exactly what was missed: nothing lost, nothing
/// repeated (the log drops duplicates as a guard). Up to <see cref="ThreadStreamConnection.MaxReconnects"/> attempts in a
/// row (the count restarts after an event); an error status other than 408, 429 and 5xx is final. A failure ends the
/// readers with its exception. A subscription to channels the stream does not carry opens a stream with the wider
/// filter (from the last sequence number) before the old one is closed.
/// </remarks>
internal sealed class SseThreadStreamTransport : IThreadStreamTransport
{
    /// <summary>The span name of a command.</summary>
    internal const string CommandOperation = "threads.stream_command";

    /// <summary>The operation name of the event stream (reconnect metrics).</summary>
    internal const string EventsOperation = "threads.stream_events";

    private readonly ThreadStreamConnection _connection;
    private readonly ThreadEventLog _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private readonly Dictionary<string, ThreadSubscribeOptions> _subscriptions = new(StringComparer.Ordinal);
    private List<string> _channels;
    private EventPump? _pump;
    private int _nextSubscription;

    public SseThreadStreamTransport(ThreadStreamConnection connection, ThreadEventLog log, IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(channels);
        _connection = connection;
        _log = log;
        _channels = [.. channels];
    }

    private string EventsPath => _connection.ThreadPath + "/stream/events";

    /// <summary>
    /// Starts the event connection (once) and returns without waiting for its response headers: a proxy may hold them until
    /// the first event (which comes only after <c>run.start</c>), and nothing can be missed anyway, since the request asks
    /// for every event after <c>since</c>. A refused connection ends the readers with its error.
    /// </summary>
    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _pump) is not null)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _pump ??= Start(_channels);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<ProtocolReply> SendAsync(int id, string method, object? @params, CancellationToken cancellationToken)
    {
        var request = new LangGraphRequest(HttpMethod.Post, _connection.ThreadPath + "/commands", _connection.RequestOptions)
        {
            Operation = CommandOperation,
            ThreadId = _connection.ThreadId,
            AssistantId = _connection.AssistantId,
            Body = ProtocolCodec.WriteCommand(id, method, @params),
        };
        var (hasValue, body, _) = await _connection.Core.SendOptionalAsync(request, LangGraphJsonContext.Default.JsonElement, null, cancellationToken).ConfigureAwait(false);
        if (!hasValue)
        {
            return new ProtocolReply(id, true, JsonValues.Null, null, null, null);
        }

        var frame = ProtocolCodec.ParseFrame(body);
        var reply = frame.Reply ?? throw new LangGraphException(
            $"The server answered the thread stream command {method} (id {id}) on thread {_connection.ThreadId} with an event instead of a reply.");
        return reply.IsSuccess ? reply : throw ProtocolCodec.ToException(reply, method, _connection.Redactor);
    }

    public async Task<string> SubscribeAsync(int id, ThreadSubscribeOptions filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            if (!ProtocolFilter.From(filter).IsCoveredBy(_channels))
            {
                // A wider stream first, from the last event received; then the old one goes. The log drops what both deliver.
                List<string> wider = [.. _channels.Union(filter.Channels, StringComparer.Ordinal)];
                if (_pump is { } old)
                {
                    // The wider stream asks for everything after the last event received, so the old one can go at once.
                    _pump = Start(wider);
                    await old.StopAsync().ConfigureAwait(false);
                }

                _channels = wider;
            }

            var subscriptionId = $"sse-{++_nextSubscription}";
            _subscriptions[subscriptionId] = filter;
            return subscriptionId;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task UnsubscribeAsync(int id, string subscriptionId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_subscriptions.Remove(subscriptionId))
            {
                throw new ThreadStreamProtocolException("no_such_subscription", $"Unknown subscription: {subscriptionId}", "subscription.unsubscribe", id);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_pump is { } pump)
            {
                await pump.StopAsync().ConfigureAwait(false);
                _pump = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private LangGraphRequest EventsRequest(IReadOnlyList<string> channels, long since) =>
        new(HttpMethod.Post, EventsPath, _connection.RequestOptions)
        {
            Operation = EventsOperation,
            ThreadId = _connection.ThreadId,
            AssistantId = _connection.AssistantId,
            Body = JsonSerializer.SerializeToUtf8Bytes(
                new ThreadStreamFilterRequest { Channels = channels, Since = since > 0 ? since : null },
                LangGraphJsonContext.Default.ThreadStreamFilterRequest),
        };

    /// <summary>Starts reading an event stream with <paramref name="channels"/> into the log, from the last event received.</summary>
    private EventPump Start(IReadOnlyList<string> channels)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token);
        return new EventPump(stop, Task.Run(() => OpenAndPumpAsync(channels, stop.Token), CancellationToken.None));
    }

    /// <summary>Opens the stream (through the retry handler: a refused connect is retried, an error status raised into the log), then reads it.</summary>
    private async Task OpenAndPumpAsync(IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _connection.Core.OpenEventStreamAsync(EventsRequest(channels, _log.LastSeq), null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            _log.Fault(ex);
            return;
        }

        await PumpAsync(response, channels, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads event streams into the log until stopped, reconnecting with <c>since</c> after every drop or end.</summary>
    private async Task PumpAsync(HttpResponseMessage response, IReadOnlyList<string> channels, CancellationToken cancellationToken)
    {
        var core = _connection.Core;
        var source = $"POST {_connection.BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')}{EventsPath}";
        var attempts = 0;
        while (true)
        {
            Exception? lastError;
            try
            {
                await foreach (var part in core.ReadEventsAsync(response, source, _connection.Redactor, cancellationToken).ConfigureAwait(false))
                {
                    var frame = ProtocolCodec.ParseFrame(part.Data);
                    if (frame.Event is { } e)
                    {
                        _log.TryAppend(e);
                        attempts = 0;
                    }
                    else if (frame.Reply is { IsSuccess: false } error)
                    {
                        _log.Fault(ProtocolCodec.ToException(error, null, _connection.Redactor));
                        return;
                    }
                }

                lastError = null; // a clean end: the server (or a proxy) closed the stream
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException)
            {
                lastError = ex;
            }
            catch (Exception ex)
            {
                _log.Fault(ex);
                return;
            }
            finally
            {
                response.Dispose();
            }

            // Resume from the last event received: the server replays every event after it that matches the filter.
            while (true)
            {
                attempts++;
                if (attempts > _connection.MaxReconnects)
                {
                    var why = lastError is null ? "the stream ended" : _connection.Redactor.Redact(lastError.Message);
                    _log.Fault(new LangGraphException(
                        $"The event stream of thread {_connection.ThreadId} ({source}) could not be resumed after event {_log.LastSeq}: " +
                        $"{_connection.MaxReconnects} reconnect attempts failed (ThreadStreamOptions.MaxReconnects, or LangGraphRetryOptions.MaxStreamReconnects): {why}",
                        lastError));
                    return;
                }

                try
                {
                    await Task.Delay(_connection.Retry.ReconnectDelay(attempts), _connection.TimeProvider, cancellationToken).ConfigureAwait(false);
                    Telemetry.OnReconnect(EventsOperation, attempts, lastEventIdPresent: _log.LastSeq > 0);
                    var (next, failure) = await core.TryOpenEventStreamAsync(EventsRequest(channels, _log.LastSeq), null, cancellationToken).ConfigureAwait(false);
                    if (next is not null)
                    {
                        response = next;
                        break;
                    }

                    lastError = failure;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (IOException ex)
                {
                    lastError = ex;
                }
                catch (Exception ex)
                {
                    // An error status other than 408, 429 and 5xx (401, 403, 404, …) is final.
                    _log.Fault(ex);
                    return;
                }
            }
        }
    }

    /// <summary>One event stream being read: stopping it cancels the read (and its reconnects) and waits for the reader.</summary>
    private sealed class EventPump(CancellationTokenSource stop, Task task)
    {
        public async Task StopAsync()
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await task.ConfigureAwait(false);
            }
            finally
            {
                stop.Dispose();
            }
        }
    }
}

using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Diagnostics;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// The thread stream over one WebSocket, <c>GET /threads/{id}/stream/events</c> upgraded: commands go out as text frames,
/// replies and events come back on the same socket, one JSON object per message.
/// </summary>
/// <remarks>
/// <para>
/// The upgrade carries every header an HTTP request of the client carries (User-Agent, default headers, the API key, the
/// stream's own headers such as Authorization), on the first connection and on every reconnect: the server authorizes
/// each connection, never a session. A refused upgrade is the usual typed exception (<see cref="LangGraphApiException"/>,
/// <see cref="LangGraphNotFoundException"/>, …) with the server's status and detail.
/// </para>
/// <para>
/// One receive loop per socket reads whole messages into a pooled buffer that grows up to
/// <see cref="LangGraphClientOptions.MaxStreamEventSize"/> (a larger message fails the stream); one lock serialises
/// sends. Replies are matched to their command by the integer <c>id</c> (a reply may come after events of the run its
/// command started); an error with no id fails the readers with a <see cref="ThreadStreamProtocolException"/>.
/// </para>
/// <para>
/// The commands that read or write the thread's storage, <c>run.start</c>, <c>input.respond</c> and <c>state.get</c>,
/// go as <c>POST /threads/{id}/commands</c> with the same headers, once the socket is open (the server's record of the
/// thread is then the socket's: the run's events come on the socket). A 1.5.1 server that fails one of them on a socket
/// (a thread that never ran, an unknown assistant) answers nothing there, so the command would wait forever; over HTTP
/// the failure is the usual typed exception (<see cref="LangGraphNotFoundException"/>, …), and each command is
/// authorized as its own request. (The JS SDK's WebSocket transport reads state over REST for the same reason.) The
/// other commands (subscriptions, <c>agent.getTree</c>, any other method) go on the socket.
/// </para>
/// <para>
/// On open the transport sends the stream's main <c>subscription.subscribe</c> without waiting for its reply (a 1.5.1
/// server answers it only once the thread's first run starts). When the socket drops, commands waiting for a reply fail
/// (they may have been applied), and the transport reconnects with the client's backoff
/// (<see cref="LangGraphRetryOptions.ReconnectDelay"/>, on the client's <see cref="TimeProvider"/>), up to
/// <see cref="ThreadStreamConnection.MaxReconnects"/> times in a row, then sends its subscriptions again; replayed events
/// are dropped by sequence number in the log. A LangGraph server 1.5.1 forgets a thread's events, its run session and
/// its sequence numbers when the thread's WebSocket closes: after a reconnect the transport asks (<c>agent.getTree</c>)
/// whether the server still has a run bound; when it has not, a run that was streaming has lost the rest of its events,
/// so the readers fail with a <see cref="ThreadStreamGapException"/> (never a silent loss), the log starts a new epoch
/// (the server counts from 1 again), and the stream stays usable for the next run.
/// </para>
/// </remarks>
internal sealed class WebSocketThreadStreamTransport : IThreadStreamTransport
{
    private const int InitialBufferSize = 16 * 1024;

    /// <summary>The transport's own command ids (subscriptions, the probe after a reconnect), far from the stream's, which count from 1.</summary>
    private const int FirstInternalId = 1_000_000_000;

    /// <summary>How many sockets in a row may land on the server's record of a run session a drop ended, before one is kept.</summary>
    private const int MaxStaleRecords = 5;

    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly ThreadStreamConnection _connection;
    private readonly ThreadEventLog _log;
    private readonly IReadOnlyList<string> _channels;
    private readonly Uri _uri;
    private readonly string _target;
    private readonly WebSocketUpgradeHandler _upgrade = new();
    private readonly HttpMessageInvoker _invoker;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<int, PendingCommand> _pending = new();
    private readonly object _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    // The commands that read or write the thread's storage go as POST /threads/{id}/commands (the SSE transport's way).
    private readonly SseThreadStreamTransport _commands;

    // Completed while a socket is usable; replaced by a pending one while reconnecting; faulted once the transport failed.
    private TaskCompletionSource _ready = NewReady();
    private ClientWebSocket? _socket;
    private Task? _runLoop;
    private Exception? _failure;
    private int _nextInternalId = FirstInternalId;
    private int _reconnects;
    private bool _opened;
    private bool _runActive;
    private bool _sessionBound;
    private int _disposed;
    private bool _holdEvents;
    private int _stale;

    public WebSocketThreadStreamTransport(ThreadStreamConnection connection, ThreadEventLog log, IReadOnlyList<string> channels)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(channels);
        _connection = connection;
        _log = log;
        _channels = [.. channels];
        _invoker = new HttpMessageInvoker(_upgrade, disposeHandler: true);
        _commands = new SseThreadStreamTransport(connection, log, []);

        var url = new StringBuilder(connection.BaseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/')).Append(connection.ThreadPath).Append("/stream/events");
        if (connection.RequestOptions?.QueryParams is { Count: > 0 } query)
        {
            new QueryBuilder().AddAll(query).AppendTo(url);
        }

        var http = new Uri(url.ToString());
        _target = connection.Redactor.Redact(http.AbsoluteUri);
        _uri = new UriBuilder(http) { Scheme = string.Equals(http.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase) ? "wss" : "ws" }.Uri;
    }

    /// <summary>Gets the WebSocket URL (<c>ws://…/threads/{id}/stream/events</c>).</summary>
    internal Uri Uri => _uri;

    public async ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _opened))
        {
            ThrowIfFailed();
            return;
        }

        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_opened)
            {
                ThrowIfFailed();
                return;
            }

            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            var socket = await ConnectWithRetriesAsync(cancellationToken).ConfigureAwait(false);
            _socket = socket;
            lock (_gate)
            {
                _ready.TrySetResult();
            }

            var receive = ReceiveAsync(socket);
            _runLoop = RunAsync(socket, receive);
            if (_channels.Count > 0)
            {
                var main = new Subscription(null, new ThreadStreamFilterRequest { Channels = _channels }, IsLocal: false);
                lock (_gate)
                {
                    _subscriptions.Add(main);
                }

                // Not waiting for the reply: on a new thread the server answers only once the first run starts.
                await SendSubscribeAsync(socket, main).ConfigureAwait(false);
            }

            Volatile.Write(ref _opened, true);
        }
        finally
        {
            _openLock.Release();
        }
    }

    public async Task<ProtocolReply> SendAsync(int id, string method, object? @params, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        var starts = method is "run.start" or "input.respond";
        if (!starts && method != "state.get")
        {
            var reply = await RoundTripAsync(id, method, ProtocolCodec.WriteCommand(id, method, @params), cancellationToken).ConfigureAwait(false);
            return reply.IsSuccess ? reply : throw ProtocolCodec.ToException(reply, method, _connection.Redactor);
        }

        // Over HTTP, once the socket (and with it the server's record of the thread, bound to this WebSocket) is there.
        await WaitReadyAsync(cancellationToken).ConfigureAwait(false);
        var wasActive = Volatile.Read(ref _runActive);
        if (starts)
        {
            Volatile.Write(ref _runActive, true); // before the first event can arrive
        }

        try
        {
            var reply = await _commands.SendAsync(id, method, @params, cancellationToken).ConfigureAwait(false);
            if (starts)
            {
                Volatile.Write(ref _sessionBound, true);
            }

            return reply;
        }
        catch (Exception) when (starts)
        {
            Volatile.Write(ref _runActive, wasActive); // no run started (or unknown: a reconnect then checks)
            throw;
        }
    }

    public async Task<string> SubscribeAsync(int id, ThreadSubscribeOptions filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await OpenAsync(cancellationToken).ConfigureAwait(false);

        // The main subscription already brings every event of these channels into the log, where readers filter by
        // namespace and depth: a second server subscription would only send the same events twice.
        if (ProtocolFilter.From(filter).IsCoveredBy(_channels))
        {
            var local = new Subscription($"local:{id}", ThreadStreamFilterRequest.From(filter), IsLocal: true);
            lock (_gate)
            {
                _subscriptions.Add(local);
            }

            return local.Key!;
        }

        var subscription = new Subscription($"pending:{id}", ThreadStreamFilterRequest.From(filter), IsLocal: false);
        var command = ProtocolCodec.WriteCommand(id, "subscription.subscribe", subscription.Filter);
        if (!Volatile.Read(ref _sessionBound))
        {
            // No run is bound to the thread yet: the server parks the subscribe until one starts. Its id comes then.
            lock (_gate)
            {
                _subscriptions.Add(subscription);
            }

            var pending = Register(id, "subscription.subscribe");
            _ = ObserveSubscribeReplyAsync(subscription, pending.Source.Task);
            await WriteAsync(pending, command, cancellationToken).ConfigureAwait(false);
            return subscription.Key!;
        }

        var reply = await RoundTripAsync(id, "subscription.subscribe", command, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw ProtocolCodec.ToException(reply, "subscription.subscribe", _connection.Redactor);
        }

        subscription.ServerId = SubscriptionId(reply);
        subscription.Key = subscription.ServerId;
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription.Key!;
    }

    public async Task UnsubscribeAsync(int id, string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        Subscription? subscription;
        lock (_gate)
        {
            subscription = _subscriptions.Find(s => s.Key == subscriptionId || s.ServerId == subscriptionId);
            if (subscription is not null)
            {
                subscription.Removed = true;
                _subscriptions.Remove(subscription);
            }
        }

        if (subscription is { IsLocal: true })
        {
            return;
        }

        if (subscription is not null && subscription.ServerId is null)
        {
            return; // still parked: unsubscribed as soon as its reply names it
        }

        // A subscription of this transport, or one it does not know (the server says whether it exists).
        var serverId = subscription?.ServerId ?? subscriptionId;
        try
        {
            await SendAsync(id, "subscription.unsubscribe", new UnsubscribeParams { SubscriptionId = serverId }, cancellationToken).ConfigureAwait(false);
        }
        catch (ThreadStreamProtocolException ex) when (subscription is not null && ex.Code is "no_such_subscription" or "no_such_run")
        {
            // The server lost it with its thread record (a reconnect): it is gone all the same.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        var disposed = new ObjectDisposedException(nameof(WebSocketThreadStreamTransport), "The thread stream was disposed.");
        lock (_gate)
        {
            _failure ??= disposed;
            if (!_ready.TrySetException(disposed))
            {
                _ready = NewReady();
                _ready.TrySetException(disposed);
            }
        }

        _ready.Task.Exception?.Handle(_ => true);
        FailPending(_ => true, _ => disposed);
        if (_socket is { State: WebSocketState.Open } socket)
        {
            // A close frame, then a short wait for the server's: a clean close the server sees at once.
            using var timeout = new CancellationTokenSource(CloseTimeout);
            try
            {
                await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                try
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed", timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }

                if (_runLoop is { } loop)
                {
                    await loop.WaitAsync(timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The socket is aborted below.
            }
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        _socket?.Abort();
        if (_runLoop is { } run)
        {
            await run.ConfigureAwait(false);
        }

        _socket?.Dispose();
        await _commands.DisposeAsync().ConfigureAwait(false);
        _invoker.Dispose();
        _lifetime.Dispose();
    }

    private static TaskCompletionSource NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ThreadStreamGapException Gap(long lastSeq) => new(
        _connection.ThreadId,
        lastSeq,
        $"The thread stream's WebSocket for thread {_connection.ThreadId} was lost while a run was streaming: the events after seq {lastSeq} " +
        "are lost (a LangGraph server 1.5.1 ends a thread's run session and forgets its events when the thread's WebSocket closes). " +
        "The run goes on on the server; read its outcome with GetStateAsync, or use ThreadStreamTransport.Sse, which resumes exactly.");

    private static bool IsRetriable(Exception ex) =>
        ex is not LangGraphApiException api || api.StatusCode is 408 or 429 or >= 500;

    private static string SubscriptionId(ProtocolReply reply) =>
        reply.Result.ValueKind == JsonValueKind.Object && reply.Result.TryGetProperty("subscription_id"u8, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new LangGraphException("The server's reply to subscription.subscribe has no subscription_id.");

    private int NextInternalId() => Interlocked.Increment(ref _nextInternalId);

    private void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            throw failure is ObjectDisposedException ? new ObjectDisposedException(nameof(WebSocketThreadStreamTransport), failure.Message) : Rethrown(failure);
        }
    }

    /// <summary>A terminal failure for one more caller: the same type and message, with the original as the cause.</summary>
    private static Exception Rethrown(Exception failure) => failure switch
    {
        ThreadStreamGapException gap => gap,
        LangGraphApiException => failure,
        ThreadStreamProtocolException => failure,
        _ => new LangGraphException(failure.Message, failure),
    };

    /// <summary>Registers a command's wait for its reply; refused once the transport has failed or was disposed.</summary>
    private PendingCommand Register(int id, string method)
    {
        var pending = new PendingCommand(method);
        lock (_gate)
        {
            ThrowIfFailed();
            if (!_pending.TryAdd(id, pending))
            {
                throw new InvalidOperationException($"A thread stream command with id {id} is already waiting for its reply.");
            }
        }

        return pending;
    }

    /// <summary>Sends a command and waits for its reply; a caller's cancellation stops the wait, not the command.</summary>
    private async Task<ProtocolReply> RoundTripAsync(int id, string method, byte[] command, CancellationToken cancellationToken)
    {
        var pending = Register(id, method);
        try
        {
            await WriteAsync(pending, command, cancellationToken).ConfigureAwait(false);
            return await pending.Source.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<int, PendingCommand>(id, pending));
        }
    }

    /// <summary>Waits until a socket is usable (out of a reconnect); fails when the transport has failed.</summary>
    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        Task ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        try
        {
            await ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            ThrowIfFailed();
            throw;
        }
    }

    /// <summary>Sends a command once a socket is usable (waiting out a reconnect); fails when the transport has failed.</summary>
    private async Task WriteAsync(PendingCommand pending, byte[] message, CancellationToken cancellationToken)
    {
        while (true)
        {
            await WaitReadyAsync(cancellationToken).ConfigureAwait(false);
            var socket = _socket;
            if (socket is not null && await TryWriteAsync(socket, pending, message, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // The socket dropped before the command left: it goes on the next one.
            await Task.Yield();
        }
    }

    /// <summary>
    /// Sends on this socket; false when it is no longer the open socket (the command was not sent). From the moment it
    /// is marked sent, a drop fails the command's wait (it may have been applied); until then a drop leaves it waiting
    /// for the next socket.
    /// </summary>
    private async Task<bool> TryWriteAsync(ClientWebSocket socket, PendingCommand pending, byte[] message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(socket, _socket) || socket.State != WebSocketState.Open)
            {
                return false;
            }

            pending.Sent = true;

            // Never the caller's token: a cancelled send aborts the whole socket.
            await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _lifetime.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Broken mid-send: whether the server got it is unknown. The receive loop sees the drop and fails the reply.
            socket.Abort();
            return true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a subscription on a socket (the first one, or a new one after a reconnect) without waiting for its reply.</summary>
    private async Task SendSubscribeAsync(ClientWebSocket socket, Subscription subscription)
    {
        var id = NextInternalId();
        var pending = Register(id, "subscription.subscribe");
        _ = ObserveSubscribeReplyAsync(subscription, pending.Source.Task);
        if (!await TryWriteAsync(socket, pending, ProtocolCodec.WriteCommand(id, "subscription.subscribe", subscription.Filter), CancellationToken.None).ConfigureAwait(false))
        {
            _pending.TryRemove(id, out _); // not sent: the next reconnect sends it again
        }
    }

    /// <summary>
    /// Follows a subscribe whose reply comes later: keeps the server's id for an unsubscribe, unsubscribes one that was
    /// removed meanwhile, and fails the readers on an error (an event would otherwise be missing without a word).
    /// </summary>
    private async Task ObserveSubscribeReplyAsync(Subscription subscription, Task<ProtocolReply> reply)
    {
        ProtocolReply answer;
        try
        {
            answer = await reply.ConfigureAwait(false);
        }
        catch (Exception)
        {
            return; // the socket dropped (sent again after the reconnect) or the stream was disposed
        }

        if (!answer.IsSuccess)
        {
            _log.Fault(ProtocolCodec.ToException(answer, "subscription.subscribe", _connection.Redactor));
            return;
        }

        Volatile.Write(ref _sessionBound, true);
        var serverId = answer.Result.ValueKind == JsonValueKind.Object && answer.Result.TryGetProperty("subscription_id"u8, out var idElement)
            ? idElement.GetString()
            : null;
        bool removed;
        lock (_gate)
        {
            subscription.ServerId = serverId;
            removed = subscription.Removed;
        }

        if (removed && serverId is not null && Volatile.Read(ref _disposed) == 0)
        {
            var id = NextInternalId();
            try
            {
                var pending = Register(id, "subscription.unsubscribe");
                await WriteAsync(pending, ProtocolCodec.WriteCommand(id, "subscription.unsubscribe", new UnsubscribeParams { SubscriptionId = serverId }), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                _pending.TryRemove(id, out _); // the stream failed or was disposed: nothing left to unsubscribe from
            }
        }
    }

    /// <summary>Opens a socket; a connection failure or a 408, 429 or 5xx answer is tried again with the client's backoff.</summary>
    private async Task<ClientWebSocket> ConnectWithRetriesAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ConnectAsync(linked.Token).ConfigureAwait(false);
            }
            catch (LangGraphException ex) when (attempt <= _connection.MaxReconnects && IsRetriable(ex))
            {
                await Task.Delay(_connection.Retry.ReconnectDelay(attempt), _connection.TimeProvider, linked.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One upgrade, with the client's headers; a refusal is the typed exception of its status.</summary>
    private async Task<ClientWebSocket> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            foreach (var (name, value) in _connection.Headers)
            {
                if (!HeaderDictionary.IsValidName(name) || !HeaderDictionary.IsValidValue(value))
                {
                    throw new ArgumentException($"The header '{name}' is not a valid HTTP header (name, or a value with line breaks).");
                }

                socket.Options.SetRequestHeader(name, value);
            }

            await socket.ConnectAsync(_uri, _invoker, cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            socket.Dispose();
            var redactor = _connection.Redactor;
            if (_upgrade.TakeRefusal() is { } refusal)
            {
                throw refusal.StatusCode is >= 300 and < 400
                    ? ApiExceptionFactory.Redirect(refusal.StatusCode, refusal.ReasonPhrase, "GET", _target, refusal.Location, _connection.BaseAddress, refusal.RequestId, redactor)
                    : ApiExceptionFactory.Create(refusal.StatusCode, refusal.ReasonPhrase, "GET", _target, refusal.Body, refusal.RequestId, redactor);
            }

            throw new LangGraphException($"Could not open the thread stream WebSocket GET {_target}: {redactor.Redact(ex.Message)}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The connection's life: waits for the socket's receive loop to end; on a drop, fails the waiting commands,
    /// reconnects, and resumes (subscriptions again, the 1.5.1 gap check); ends when the transport is disposed or has failed.
    /// </summary>
    private async Task RunAsync(ClientWebSocket first, Task<Exception?> firstReceive)
    {
        var socket = first;
        var receive = firstReceive;
        DropState? unverified = null;
        while (true)
        {
            var cause = await receive.ConfigureAwait(false);
            if (cause is null || Volatile.Read(ref _disposed) != 0 || Volatile.Read(ref _failure) is not null)
            {
                return;
            }

            if (unverified is null)
            {
                unverified = new DropState(_log.LastSeq, Volatile.Read(ref _runActive));
                if (unverified.RunActive)
                {
                    // A 1.5.1 server ends the thread's run session when its socket closes: the rest of the run is lost.
                    // Its readers learn it now; events are held back until a socket is on a fresh record of the thread.
                    Volatile.Write(ref _holdEvents, true);
                    Volatile.Write(ref _runActive, false);
                    _log.Fault(Gap(unverified.LastSeq));
                }
            }

            lock (_gate)
            {
                if (_ready.Task.IsCompletedSuccessfully)
                {
                    _ready = NewReady();
                }
            }

            _socket = null; // nothing more is sent on it: commands not sent yet wait for the next socket
            FailPending(p => p.Sent, p => new LangGraphException(
                $"The thread stream's WebSocket (GET {_target}) was lost before the reply to {p.Method}; the command may have been applied: {_connection.Redactor.Redact(cause.Message)}",
                cause));
            socket.Dispose();

            var next = await ReconnectAsync(cause).ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            socket = next;
            _socket = next;
            receive = ReceiveAsync(next);
            try
            {
                if (await ResumeAsync(next, unverified).ConfigureAwait(false))
                {
                    unverified = null;
                }
            }
            catch (Exception) when (Volatile.Read(ref _failure) is not null)
            {
                // Disposed or failed while resuming: the receive loop ends too.
            }
        }
    }

    /// <summary>Opens a new socket after a drop, waiting the client's backoff before each try; null when it gave up (the transport failed).</summary>
    private async Task<ClientWebSocket?> ReconnectAsync(Exception cause)
    {
        var last = cause;
        while (true)
        {
            var attempt = Interlocked.Increment(ref _reconnects);
            if (attempt > _connection.MaxReconnects)
            {
                Fail(new LangGraphException(
                    $"The thread stream's WebSocket (GET {_target}) was lost and could not be opened again: " +
                    $"{_connection.MaxReconnects} reconnect attempts failed (ThreadStreamOptions.MaxReconnects, or LangGraphRetryOptions.MaxStreamReconnects): " +
                    _connection.Redactor.Redact(last.Message),
                    last));
                return null;
            }

            try
            {
                await Task.Delay(_connection.Retry.ReconnectDelay(attempt), _connection.TimeProvider, _lifetime.Token).ConfigureAwait(false);
                Telemetry.OnReconnect(SseThreadStreamTransport.EventsOperation, attempt, lastEventIdPresent: _log.LastSeq > 0);
                return await ConnectAsync(_lifetime.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return null;
            }
            catch (LangGraphException ex) when (IsRetriable(ex))
            {
                last = ex;
            }
            catch (Exception ex)
            {
                Fail(ex); // refused for good (401, 403, 404, …): every later try would be refused the same way
                return null;
            }
        }
    }

    /// <summary>
    /// After a reconnect: the subscriptions again, then, when events or a run were streaming, whether the server still
    /// has the thread's run (a 1.5.1 server forgot it when the socket closed). True when done; false when the socket
    /// dropped again first (the check is repeated after the next reconnect).
    /// </summary>
    private async Task<bool> ResumeAsync(ClientWebSocket socket, DropState state)
    {
        Subscription[] subscriptions;
        lock (_gate)
        {
            subscriptions = [.. _subscriptions];
        }

        foreach (var subscription in subscriptions)
        {
            if (!subscription.IsLocal)
            {
                subscription.ServerId = null;
                await SendSubscribeAsync(socket, subscription).ConfigureAwait(false);
            }
        }

        if (state.LastSeq > 0 || state.RunActive)
        {
            var id = NextInternalId();
            var pending = Register(id, "agent.getTree");
            if (!await TryWriteAsync(socket, pending, ProtocolCodec.WriteCommand(id, "agent.getTree", null), CancellationToken.None).ConfigureAwait(false))
            {
                _pending.TryRemove(id, out _);
                return false;
            }

            ProtocolReply reply;
            try
            {
                reply = await pending.Source.Task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                return false; // dropped again, or disposed
            }

            if (reply.IsSuccess && state.RunActive && Interlocked.Increment(ref _stale) <= MaxStaleRecords)
            {
                // The server still has the run session the dropped socket ended: it forgets it (and this socket with it)
                // once the run's next event comes. This socket would be left on a forgotten record: open another.
                socket.Abort();
                return false;
            }

            Volatile.Write(ref _stale, 0);
            var fresh = reply.IsSuccess ? reply.AppliedThroughSeq is { } applied && applied < state.LastSeq : reply.ErrorCode == "no_such_run";
            if (fresh)
            {
                Volatile.Write(ref _sessionBound, false);
                _log.NewEpoch(); // the server counts from 1 again
            }
        }

        Volatile.Write(ref _holdEvents, false);
        lock (_gate)
        {
            _ready.TrySetResult();
        }

        return true;
    }

    /// <summary>
    /// Reads whole messages off one socket into a pooled buffer and dispatches them; returns why the socket ended
    /// (null when the transport was disposed or failed).
    /// </summary>
    private async Task<Exception?> ReceiveAsync(ClientWebSocket socket)
    {
        await Task.Yield(); // the caller goes on: sending the subscriptions, returning from OpenAsync
        var max = _connection.MaxStreamEventSize;
        var limit = (int)Math.Min((long)max + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, limit));
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(count, Math.Min(buffer.Length, limit) - count), _lifetime.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return Closed(socket);
                }

                count += result.Count;
                if (count > max)
                {
                    await CloseQuietlyAsync(socket, WebSocketCloseStatus.MessageTooBig).ConfigureAwait(false);
                    Fail(new LangGraphException(
                        $"A message on the thread stream's WebSocket (GET {_target}) is larger than MaxStreamEventSize ({max} bytes); " +
                        "raise LangGraphClientOptions.MaxStreamEventSize to accept it."));
                    return null;
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                Volatile.Write(ref _reconnects, 0); // the connection works: the next drop gets a fresh reconnect budget
                Dispatch(buffer.AsSpan(0, count));
                count = 0;
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            return Volatile.Read(ref _disposed) != 0 ? null : ex;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The server closed the socket: a close code 4000 + an HTTP status of 400–499 (but 408 and 429) is a refusal, final
    /// like the same status on the upgrade (the JS SDK's convention); any other close is a drop to reconnect from.
    /// </summary>
    private WebSocketException? Closed(ClientWebSocket socket)
    {
        var code = (int?)socket.CloseStatus ?? 1005;
        var reason = _connection.Redactor.Redact(socket.CloseStatusDescription ?? string.Empty);
        if (code is >= 4400 and < 4500 and not 4408 and not 4429)
        {
            Fail(ApiExceptionFactory.Create(code - 4000, null, "GET", _target, reason.Length == 0 ? null : reason, null, _connection.Redactor));
            return null;
        }

        return Volatile.Read(ref _disposed) != 0
            ? null
            : new WebSocketException(WebSocketError.ConnectionClosedPrematurely, $"The server closed the WebSocket ({code}{(reason.Length == 0 ? string.Empty : " " + reason)}).");
    }

    /// <summary>One whole message: an event into the log, a reply to its command, an unsolicited error to the readers.</summary>
    private void Dispatch(ReadOnlySpan<byte> message)
    {
        ProtocolFrame frame;
        try
        {
            frame = ProtocolCodec.ParseFrame(message);
        }
        catch (LangGraphException ex)
        {
            _log.Fault(ex); // an event that cannot be read is an event lost: never silently
            return;
        }

        if (frame.Event is { } e)
        {
            if (Volatile.Read(ref _holdEvents))
            {
                return; // the rest of a run lost with a drop (a replay, a terminal event of the ended session): not this stream's any more
            }

            Volatile.Write(ref _sessionBound, true);
            if (e.Method == "lifecycle" && e.Namespace.Count == 0 && e.Data.ValueKind == JsonValueKind.Object
                && e.Data.TryGetProperty("event"u8, out var lifecycle) && lifecycle.ValueKind == JsonValueKind.String)
            {
                if (lifecycle.ValueEquals("running"u8))
                {
                    Volatile.Write(ref _runActive, true);
                }
                else if (lifecycle.ValueEquals("completed"u8) || lifecycle.ValueEquals("failed"u8) || lifecycle.ValueEquals("interrupted"u8))
                {
                    Volatile.Write(ref _runActive, false);
                }
            }

            _log.TryAppend(e);
            return;
        }

        var reply = frame.Reply!;
        if (reply.Id is { } id)
        {
            // A reply nobody waits for (a sticky subscription answered again on the next run, a cancelled wait) is dropped.
            if (_pending.TryRemove(id, out var pending))
            {
                pending.Source.TrySetResult(reply);
            }

            return;
        }

        if (!reply.IsSuccess)
        {
            _log.Fault(ProtocolCodec.ToException(reply, null, _connection.Redactor));
        }
    }

    /// <summary>The transport failed for good: readers, waiting commands and later calls get <paramref name="error"/>.</summary>
    private void Fail(Exception error)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = error;
            if (!_ready.TrySetException(error))
            {
                _ready = NewReady();
                _ready.TrySetException(error);
            }
        }

        _ready.Task.Exception?.Handle(_ => true);
        FailPending(_ => true, _ => Rethrown(error));
        _log.Fault(error);
        _socket?.Abort();
    }

    private void FailPending(Func<PendingCommand, bool> which, Func<PendingCommand, Exception> error)
    {
        foreach (var (id, pending) in _pending)
        {
            if (which(pending) && _pending.TryRemove(new KeyValuePair<int, PendingCommand>(id, pending)))
            {
                pending.Source.TrySetException(error(pending));
            }
        }
    }

    private async Task CloseQuietlyAsync(ClientWebSocket socket, WebSocketCloseStatus status)
    {
        using var timeout = new CancellationTokenSource(CloseTimeout);
        try
        {
            await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
            try
            {
                await socket.CloseOutputAsync(status, null, timeout.Token).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // aborted below
        }

        socket.Abort();
    }

    /// <summary>A command waiting for its reply.</summary>
    private sealed class PendingCommand(string method)
    {
        private volatile bool _sent;

        public string Method { get; } = method;

        public TaskCompletionSource<ProtocolReply> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Gets or sets whether the command went out on a socket (a drop then leaves its fate unknown).</summary>
        public bool Sent
        {
            get => _sent;
            set => _sent = value;
        }
    }

    /// <summary>What was streaming when the socket dropped: the last event's seq and whether a run was still going.</summary>
    private sealed record DropState(long LastSeq, bool RunActive);

    /// <summary>
    /// A subscription of the stream: the main one (<see cref="Key"/> null), one the main one covers (local: its events
    /// are in the log already), or one of its own on the server, sent again after each reconnect.
    /// </summary>
    private sealed record Subscription(string? Key, ThreadStreamFilterRequest Filter, bool IsLocal)
    {
        public string? Key { get; set; } = Key;

        /// <summary>The server's id on the current socket (null until its reply, and again after a reconnect).</summary>
        public string? ServerId { get; set; }

        public bool Removed { get; set; }
    }
}

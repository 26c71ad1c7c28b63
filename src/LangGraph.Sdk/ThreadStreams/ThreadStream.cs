using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk;

/// <summary>
/// A thread-centric stream (the thread streaming protocol; JS <c>client.threads.stream</c>, Python <c>threads.stream</c>):
/// commands to the thread (<see cref="StartRunAsync"/>, <see cref="RespondAsync"/>, <see cref="GetStateAsync"/>,
/// <see cref="SubscribeAsync"/>) and its events, raw (<see cref="Events"/>) or as projections (<see cref="Values"/>,
/// <see cref="Messages"/>, <see cref="MessageDeltas"/>, <see cref="ToolCalls"/>, <see cref="Subgraphs"/>,
/// <see cref="GetOutputAsync"/>). Created by <see cref="ThreadsClient.Stream"/>; dispose it to close its connection.
/// </summary>
/// <remarks>
/// <para>
/// Nothing is sent until the first command or enumeration. Every event received is kept once, in order, in one buffer;
/// each enumeration has its own cursor into it, so several can run at once, or start late, without losing events.
/// Projections start at the current run (the last <see cref="StartRunAsync"/> or <see cref="RespondAsync"/>) and end with
/// it (its root <c>lifecycle</c> <c>completed</c>, <c>failed</c> or <c>interrupted</c>); <see cref="Events"/> ends only
/// when the stream is disposed. The buffer is never trimmed: use one stream per conversation.
/// </para>
/// <para>
/// Every request (each command, each reconnect, the WebSocket upgrade) carries the client's and the stream's own headers:
/// the stream keeps no session. Do not share a stream between users. Thread-safe.
/// </para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The name of the official SDKs' type (JS ThreadStream); it is not a System.IO.Stream.")]
public class ThreadStream : IAsyncDisposable
{
    private readonly IThreadStreamTransport _transport;
    private readonly ThreadEventLog _log;
    private readonly ThreadProjections _projections;
    private readonly JsonSerializerOptions _userJson;
    private readonly bool _minted;
    private readonly long? _since;
    private readonly SemaphoreSlim _openGate = new(1, 1);
    private readonly Dictionary<string, ThreadSubscription> _subscriptions = new(StringComparer.Ordinal);
    private int _nextCommandId;
    private int _runStart = -1;
    private string? _currentRunId;
    private volatile bool _opened;
    private int _disposed;

    /// <summary>For mocking frameworks only: a stream created this way has no connection.</summary>
    protected ThreadStream()
    {
        _transport = null!;
        _log = null!;
        _projections = null!;
        _userJson = null!;
        ThreadId = string.Empty;
        AssistantId = string.Empty;
    }

    internal ThreadStream(LangGraphHttpCore core, string threadId, bool minted, ThreadStreamOptions options)
    {
        ThreadId = threadId;
        AssistantId = options.AssistantId;
        Transport = options.Transport;
        _minted = minted;
        _since = options.Since;
        _userJson = core.UserJsonOptions;
        _log = new ThreadEventLog();

        // The stream's own copy of its headers and query parameters: later changes to the options do not leak into it.
        var requestOptions = new LangGraphRequestOptions();
        foreach (var (name, value) in options.Headers)
        {
            requestOptions.Headers[name] = value;
        }

        foreach (var (name, value) in options.QueryParams)
        {
            requestOptions.QueryParams[name] = value;
        }

        var connection = new ThreadStreamConnection(core, threadId, options.AssistantId, requestOptions, options.MaxReconnects ?? core.RetryOptions.MaxStreamReconnects);
        IReadOnlyList<string> channels = [.. options.Channels];
        _transport = options.Transport == ThreadStreamTransport.WebSocket
            ? new WebSocketThreadStreamTransport(connection, _log, channels)
            : new SseThreadStreamTransport(connection, _log, channels);
        _projections = new ThreadProjections(_log, EnsureOpenAsync, [], RunStart, threadId, connection.Redactor);
    }

    /// <summary>Gets the thread id (the caller's, or one minted by <see cref="ThreadsClient.Stream"/>).</summary>
    public virtual string ThreadId { get; }

    /// <summary>Gets the assistant <see cref="StartRunAsync"/> runs.</summary>
    public virtual string AssistantId { get; }

    /// <summary>Gets the transport.</summary>
    public virtual ThreadStreamTransport Transport { get; }

    /// <summary>Gets the id of the run the last <see cref="StartRunAsync"/> started; null before.</summary>
    public virtual string? CurrentRunId => Volatile.Read(ref _currentRunId);

    /// <summary>Gets the sequence number of the last event received (0 before any).</summary>
    public virtual long LastSeq => _log.LastSeq;

    /// <summary>Gets the interrupts (requests for input) of the current run received so far.</summary>
    public virtual IReadOnlyList<ThreadInterrupt> Interrupts =>
        [.. CurrentRunEvents().Where(e => e.Method == "input.requested" && e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty("interrupt_id"u8, out _))
            .Select(e => new ThreadInterrupt(
                e.Data.GetProperty("interrupt_id"u8).GetString() ?? string.Empty,
                e.Namespace,
                e.Data.TryGetProperty("payload"u8, out var payload) ? payload : JsonValues.Null))];

    /// <summary>Gets whether the current run stopped at an interrupt (its root <c>lifecycle</c> said <c>interrupted</c>).</summary>
    public virtual bool Interrupted =>
        CurrentRunEvents().LastOrDefault() is { } end && end.IsRoot && ThreadProjections.IsTerminal(end) && ThreadProjections.LifecycleEvent(end) == "interrupted";

    /// <summary>Gets every event of the stream as it arrives, from the first; it ends when the stream is disposed.</summary>
    public virtual IAsyncEnumerable<ThreadEvent> Events => ReadEventsAsync();

    /// <summary>Gets the root graph's state after each step of the current run (its <c>values</c> events).</summary>
    public virtual IAsyncEnumerable<JsonElement> Values => _projections.ValuesAsync();

    /// <summary>Gets the chat model messages of the current run (every namespace), each once it is complete (or aborted by the run's end).</summary>
    public virtual IAsyncEnumerable<ThreadMessage> Messages => _projections.MessagesAsync();

    /// <summary>Gets the chat model tokens of the current run (every namespace), as they arrive.</summary>
    public virtual IAsyncEnumerable<ThreadMessageDelta> MessageDeltas => _projections.MessageDeltasAsync();

    /// <summary>Gets the tool executions of the current run (every namespace), each once it ended.</summary>
    public virtual IAsyncEnumerable<ThreadToolCall> ToolCalls => _projections.ToolCallsAsync();

    /// <summary>Gets the subgraphs (and nodes that stream in their own namespace) the current run starts below the root, each a handle with its own projections.</summary>
    public virtual IAsyncEnumerable<ThreadSubgraph> Subgraphs => _projections.SubgraphsAsync();

    /// <summary>Starts a run of <see cref="AssistantId"/> on the thread (<c>run.start</c>), after the event connection is attached, so no event of the run is missed.</summary>
    /// <param name="input">The input (serialised with the client's JSON options); null for none. On a thread waiting at an interrupt, the server takes it as the resume value.</param>
    /// <param name="options">Config, metadata and multitask strategy.</param>
    /// <param name="cancellationToken">Cancels the call (not the run).</param>
    /// <returns>The run id.</returns>
    /// <exception cref="ThreadStreamProtocolException">The server refused the command (for example a thread bound to another assistant).</exception>
    /// <exception cref="LangGraphNotFoundException">The assistant does not exist.</exception>
    public virtual async Task<ThreadRunStarted> StartRunAsync(object? input, ThreadRunStartOptions? options = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (options is not null)
        {
            RefusePerCallOptions(options, nameof(options));
        }

        var @params = new RunStartParams
        {
            AssistantId = AssistantId,
            Input = UserJson.Element(_userJson, input, "input"),
            Config = RunConfigRequest.From(options?.Config, _userJson),
            Metadata = options is null ? null : UserJson.Object(_userJson, options.Metadata, "metadata"),
            MultitaskStrategy = options?.MultitaskStrategy?.Value,
        };
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _runStart, _log.Count);
        var reply = await SendCoreAsync("run.start", @params, cancellationToken).ConfigureAwait(false);
        var runId = reply.Result.ValueKind == JsonValueKind.Object && reply.Result.TryGetProperty("run_id"u8, out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : throw new LangGraphException($"The server's reply to run.start on thread {ThreadId} carries no run_id.");
        Volatile.Write(ref _currentRunId, runId);
        return new ThreadRunStarted(runId, reply.AppliedThroughSeq);
    }

    /// <summary>Answers an interrupt (<c>input.respond</c>): the run resumes with <paramref name="response"/>, and the projections follow the resumed run.</summary>
    /// <param name="interruptId">The interrupt's id (<see cref="ThreadInterrupt.InterruptId"/>).</param>
    /// <param name="response">The answer (serialised with the client's JSON options).</param>
    /// <param name="interruptNamespace">The interrupt's namespace (<see cref="ThreadInterrupt.Namespace"/>), when not at the root.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server accepted the answer.</returns>
    /// <exception cref="ThreadStreamProtocolException">The thread is not waiting at an interrupt (<c>invalid_argument</c>), or has no run (<c>no_such_run</c>).</exception>
    public virtual async Task RespondAsync(string interruptId, object? response, IReadOnlyList<string>? interruptNamespace = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(interruptId);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var @params = new InputRespondParams
        {
            InterruptId = interruptId,
            Namespace = interruptNamespace is { Count: > 0 } ? [.. interruptNamespace] : null,
            Response = UserJson.ElementOrNull(_userJson, response, "response"),
        };
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _runStart, _log.Count);
        await SendCoreAsync("input.respond", @params, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the thread's current state (<c>state.get</c>).</summary>
    /// <param name="keys">The state keys wanted; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The values and the checkpoint.</returns>
    /// <exception cref="LangGraphNotFoundException">The thread has no state (it never ran), or the caller may not read it.</exception>
    public virtual async Task<ThreadStateResult> GetStateAsync(IEnumerable<string>? keys = null, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        await EnsureCommandChannelAsync(cancellationToken).ConfigureAwait(false);
        var reply = await SendCoreAsync("state.get", new StateGetParams { Keys = keys?.ToList() }, cancellationToken).ConfigureAwait(false);
        var result = reply.Result;
        var values = result.ValueKind == JsonValueKind.Object && result.TryGetProperty("values"u8, out var v) ? v : JsonValues.Null;
        string? checkpointId = null, checkpointNs = null;
        if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty("checkpoint"u8, out var checkpoint) && checkpoint.ValueKind == JsonValueKind.Object)
        {
            checkpointId = checkpoint.TryGetProperty("id"u8, out var cid) && cid.ValueKind == JsonValueKind.String ? cid.GetString() : null;
            checkpointNs = checkpoint.TryGetProperty("ns"u8, out var cns) && cns.ValueKind == JsonValueKind.String ? cns.GetString() : null;
        }

        return new ThreadStateResult(values, checkpointId, checkpointNs);
    }

    /// <summary>Subscribes to the events that match a filter (channels, namespaces, depth), from the start of the current run.</summary>
    /// <param name="options">The filter; at least one channel. Its <see cref="LangGraphRequestOptions.Headers"/> and <see cref="LangGraphRequestOptions.QueryParams"/> must be empty: a stream sends its own (<see cref="ThreadStreamOptions"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subscription; dispose it (or call <see cref="UnsubscribeAsync"/>) to remove it.</returns>
    public virtual async Task<ThreadSubscription> SubscribeAsync(ThreadSubscribeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (options.Channels.Count == 0)
        {
            throw new ArgumentException("A subscription needs at least one channel (ThreadSubscribeOptions.Channels).", nameof(options));
        }

        RefusePerCallOptions(options, nameof(options));
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var id = await _transport.SubscribeAsync(NextCommandId(), options, cancellationToken).ConfigureAwait(false);
        var subscription = new ThreadSubscription(this, _log, id, options, RunStart());
        lock (_subscriptions)
        {
            _subscriptions[id] = subscription;
        }

        return subscription;
    }

    /// <summary>Removes a subscription; its enumerations end. Removing it twice does nothing.</summary>
    /// <param name="subscription">The subscription.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is removed.</returns>
    public virtual async Task UnsubscribeAsync(ThreadSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_subscriptions)
        {
            if (!_subscriptions.Remove(subscription.Id))
            {
                return;
            }
        }

        try
        {
            if (_disposed == 0)
            {
                await _transport.UnsubscribeAsync(NextCommandId(), subscription.Id, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            subscription.End();
        }
    }

    /// <summary>Sends any protocol command (for example <c>agent.getTree</c>) and returns its result.</summary>
    /// <param name="method">The method.</param>
    /// <param name="parameters">The params (serialised with the client's JSON options); null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reply's <c>result</c>.</returns>
    /// <exception cref="ThreadStreamProtocolException">The server answered with an error (for example <c>unknown_command</c>).</exception>
    public virtual async Task<JsonElement> SendCommandAsync(string method, object? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var element = UserJson.Element(_userJson, parameters, "params");
        await EnsureCommandChannelAsync(cancellationToken).ConfigureAwait(false);
        var reply = await SendCoreAsync(method, element, cancellationToken).ConfigureAwait(false);
        return reply.Result;
    }

    /// <summary>Waits for the current run to end and returns the root graph's last values (JS <c>thread.output</c>).</summary>
    /// <param name="cancellationToken">Stops waiting (the run goes on).</param>
    /// <returns>The last values of the run (a JSON null when it sent none).</returns>
    /// <exception cref="LangGraphRunException">The run failed (the graph's error name and message).</exception>
    public virtual Task<JsonElement> GetOutputAsync(CancellationToken cancellationToken = default) =>
        _projections.OutputAsync(CurrentRunId, cancellationToken);

    /// <summary>Closes the connection; enumerations end after the events already received. The run goes on on the server.</summary>
    /// <returns>A task that completes when the connection is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ThreadSubscription[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions.Values];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.End();
        }

        try
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _log.Complete();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The position in the log where the current run starts; the end of the log when no run was started.</summary>
    private int RunStart()
    {
        var start = Volatile.Read(ref _runStart);
        return start >= 0 ? start : _log.Count;
    }

    /// <summary>The events of the current run so far, up to its end (its first root terminal lifecycle).</summary>
    private List<ThreadEvent> CurrentRunEvents()
    {
        var start = Volatile.Read(ref _runStart);
        var events = new List<ThreadEvent>();
        if (start < 0 || _log is null)
        {
            return events;
        }

        foreach (var e in _log.Snapshot(start))
        {
            events.Add(e);
            if (e.IsRoot && ThreadProjections.IsTerminal(e))
            {
                break;
            }
        }

        return events;
    }

    private async IAsyncEnumerable<ThreadEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var e in _log.ReadAsync(0, cancellationToken).ConfigureAwait(false))
        {
            yield return e;
        }
    }

    private int NextCommandId() => Interlocked.Increment(ref _nextCommandId);

    private async Task<ProtocolReply> SendCoreAsync(string method, object? @params, CancellationToken cancellationToken) =>
        await _transport.SendAsync(NextCommandId(), method, @params, cancellationToken).ConfigureAwait(false);

    /// <summary>Commands over a WebSocket need the socket; over SSE each is its own request.</summary>
    private ValueTask EnsureCommandChannelAsync(CancellationToken cancellationToken) =>
        Transport == ThreadStreamTransport.WebSocket ? EnsureOpenAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>
    /// Attaches the event connection, once. Over SSE, an existing thread is first asked for its position (<c>state.get</c>'s
    /// <c>applied_through_seq</c>), so that the server does not replay its earlier runs; a minted thread starts at 0.
    /// </summary>
    private async ValueTask EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_opened)
        {
            return;
        }

        await _openGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_opened)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_since is { } since)
            {
                _log.Seek(since);
            }
            else if (!_minted && Transport == ThreadStreamTransport.Sse)
            {
                try
                {
                    var state = await SendCoreAsync("state.get", new StateGetParams(), cancellationToken).ConfigureAwait(false);
                    _log.Seek(state.AppliedThroughSeq ?? 0);
                }
                catch (LangGraphNotFoundException)
                {
                    // A thread that never ran: nothing to skip.
                }
            }

            await _transport.OpenAsync(cancellationToken).ConfigureAwait(false);
            _opened = true;
        }
        finally
        {
            _openGate.Release();
        }
    }

    private static void RefusePerCallOptions(LangGraphRequestOptions options, string parameterName)
    {
        if (options.Headers.Count > 0 || options.QueryParams.Count > 0)
        {
            throw new ArgumentException(
                "A thread stream sends the headers and query parameters of its ThreadStreamOptions with every request; set them there, not per command.",
                parameterName);
        }
    }
}

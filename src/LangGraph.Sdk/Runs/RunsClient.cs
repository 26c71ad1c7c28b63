using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk;

/// <summary>
/// Runs: start runs and stream them, wait for them, join and resume them, list, cancel and delete them
/// (<c>client.Runs</c>; Python's <c>client.runs</c>). A null thread id means a stateless run (<c>/runs/…</c>); an empty
/// or whitespace one is an <see cref="ArgumentException"/> from every method, before anything is sent (it is almost
/// always a bug, and would otherwise start a stateless run or call another route). Thread-safe.
/// </summary>
public class RunsClient
{
    private static readonly StreamMode[] DefaultStreamModes = [StreamMode.Values];

    private readonly LangGraphHttpCore _core;

    /// <summary>For mocking frameworks only: a client created this way has no connection.</summary>
    protected RunsClient()
    {
        _core = null!;
    }

    internal RunsClient(LangGraphHttpCore core) => _core = core;

    private enum RunRoute
    {
        Stream,
        Create,
        Wait,
        Batch,
    }

    /// <summary>
    /// Starts a run and streams its output (<c>POST /threads/{thread_id}/runs/stream</c>, or <c>POST /runs/stream</c> when
    /// <paramref name="threadId"/> is null).
    /// </summary>
    /// <remarks>
    /// Events arrive as they are read, never buffered. After a drop, a truncated event or a clean end without an
    /// <c>end</c> event, a stream is resumed with <c>Last-Event-ID</c> (never a new run) through the response's same-origin
    /// <c>Location</c>, or through the join route when <see cref="RunCreateOptions.StreamResumable"/> is set; when it cannot
    /// be resumed, it ends normally only if the run has finished, and otherwise throws saying how far it got. An
    /// <c>error</c> event is yielded and then raised as <see cref="LangGraphRunException"/> unless
    /// <see cref="RunCreateOptions.ThrowOnError"/> is false. Cancelling the token stops reading and closes the connection at
    /// once; <see cref="RunCreateOptions.OnDisconnect"/> says whether the server then cancels the run.
    /// </remarks>
    /// <param name="threadId">The thread, or null for a stateless run; empty or whitespace is refused.</param>
    /// <param name="assistantId">The assistant id or graph name.</param>
    /// <param name="options">Input, command, stream modes and the other run fields, headers.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The run's events.</returns>
    /// <exception cref="LangGraphRunException">The run failed (after its <c>error</c> event was yielded).</exception>
    /// <exception cref="LangGraphException">The stream was cut off and could not be resumed, or it was malformed.</exception>
#pragma warning disable CS8424 // The token goes to the iterator returned, which observes it; the attribute states the contract.
    public virtual IAsyncEnumerable<StreamPart> StreamAsync(string? threadId, string assistantId, RunCreateOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS8424
    {
        // Not an iterator: the arguments are checked (and the body built) now, the request is sent on the first MoveNextAsync.
        var request = new LangGraphRequest(HttpMethod.Post, RunsPath(threadId) + "/stream", options) { Operation = "runs.stream", ThreadId = threadId, AssistantId = assistantId, Body = RunBody(assistantId, options, RunRoute.Stream) };
        var settings = new StreamSettings
        {
            OnRunCreated = options?.OnRunCreated,
            ThrowOnError = options?.ThrowOnError ?? true,
            RunError = options?.RunError,
            Resumable = options?.StreamResumable ?? false,
        };
        return new RunStream(_core).ReadAsync(request, settings, cancellationToken);
    }

    /// <summary>
    /// Starts a background run (<c>POST /threads/{thread_id}/runs</c>, or <c>POST /runs</c> when <paramref name="threadId"/>
    /// is null).
    /// </summary>
    /// <remarks>
    /// Unlike Python's <c>create</c>, which also treats <c>""</c> as stateless, an empty thread id is refused here as by
    /// every other method of <see cref="RunsClient"/>: only null means stateless.
    /// </remarks>
    /// <param name="threadId">The thread, or null for a stateless run; empty or whitespace is refused.</param>
    /// <param name="assistantId">The assistant id or graph name.</param>
    /// <param name="options">Input, command and the other run fields, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new run, usually <see cref="RunStatus.Pending"/>.</returns>
    public virtual async Task<Run> CreateAsync(string? threadId, string assistantId, RunCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = new LangGraphRequest(HttpMethod.Post, RunsPath(threadId), options)
        {
            Operation = "runs.create",
            ThreadId = threadId,
            AssistantId = assistantId,
            Body = RunBody(assistantId, options, RunRoute.Create),
        };
        var run = await _core.SendAsync(request, LangGraphJsonContext.Default.Run, cancellationToken).ConfigureAwait(false);
        options?.OnRunCreated?.Invoke(new RunCreateMetadata(run.RunId, threadId is null ? null : run.ThreadId));
        return run;
    }

    /// <summary>Starts several background runs in one call (<c>POST /runs/batch</c>).</summary>
    /// <param name="payloads">The runs to start.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new runs, in order.</returns>
    public virtual async Task<IReadOnlyList<Run>> CreateBatchAsync(IEnumerable<RunBatchItem> payloads, RunCreateBatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'[');
        var index = 0;
        foreach (var item in payloads)
        {
            if (item is null)
            {
                throw new ArgumentException($"The batch item at index {index} is null.", nameof(payloads));
            }

            if (item.ThreadId is { } threadId && string.IsNullOrWhiteSpace(threadId))
            {
                throw new ArgumentException($"The batch item at index {index} has an empty thread id; use null for a stateless run.", nameof(payloads));
            }

            if (item.Options is { } itemOptions && (itemOptions.Headers.Count > 0 || itemOptions.QueryParams.Count > 0 || itemOptions.OnRunCreated is not null))
            {
                throw new ArgumentException(
                    $"The batch item at index {index} sets headers, query parameters or OnRunCreated; those belong to the whole batch (RunCreateBatchOptions).",
                    nameof(payloads));
            }

            if (index > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(RunBody(item.AssistantId, item.Options, RunRoute.Batch, item.ThreadId));
            index++;
        }

        buffer.WriteByte((byte)']');
        var request = new LangGraphRequest(HttpMethod.Post, "/runs/batch", options) { Operation = "runs.create_batch", Body = buffer.ToArray() };
        return await _core.SendAsync(request, LangGraphJsonContext.Default.ListRun, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a run and waits for its final state (<c>POST /threads/{thread_id}/runs/wait</c>, or <c>POST /runs/wait</c>
    /// when <paramref name="threadId"/> is null).
    /// </summary>
    /// <remarks>
    /// A long poll, not subject to <see cref="LangGraphClientOptions.Timeout"/>: it lasts as long as the run, and the token
    /// ends it. The JS server's keep-alive newlines and <c>text/plain</c> content type are accepted, and a connection lost
    /// while waiting is resumed when the server gave a <c>Location</c>.
    /// </remarks>
    /// <param name="threadId">The thread, or null for a stateless run; empty or whitespace is refused.</param>
    /// <param name="assistantId">The assistant id or graph name.</param>
    /// <param name="options">Input, command and the other run fields, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run's final state values (with <c>__interrupt__</c> when the run stopped at an interrupt).</returns>
    /// <exception cref="LangGraphRunException">The run failed and <see cref="RunCreateOptions.ThrowOnError"/> is true.</exception>
    public virtual async Task<JsonElement> WaitAsync(string? threadId, string assistantId, RunCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = new LangGraphRequest(HttpMethod.Post, RunsPath(threadId) + "/wait", options) { Operation = "runs.wait", ThreadId = threadId, AssistantId = assistantId, Body = RunBody(assistantId, options, RunRoute.Wait) };
        RunCreateMetadata? created = null;
        var result = await _core.LongPollAsync(
            request,
            metadata =>
            {
                created = metadata;
                options?.OnRunCreated?.Invoke(metadata);
            },
            cancellationToken).ConfigureAwait(false);
        return (options?.ThrowOnError ?? true) && RunErrors.FromResult(result, created?.RunId, created?.ThreadId ?? threadId, _core.RedactorFor(options)) is { } failed
            ? throw failed
            : result;
    }

    /// <summary>Lists a thread's runs, newest first (<c>GET /threads/{thread_id}/runs</c>).</summary>
    /// <param name="threadId">The thread; empty or whitespace is refused.</param>
    /// <param name="options">Limit, offset, status filter, selected fields, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The runs.</returns>
    public virtual Task<IReadOnlyList<Run>> ListAsync(string threadId, RunListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder().Add("limit", options?.Limit ?? 10).Add("offset", options?.Offset ?? 0);
        if (options?.Status is { } status)
        {
            query.Add("status", status.Value);
        }

        if (options?.Select is { Count: > 0 } select)
        {
            query.Add("select", select);
        }

        return SendListAsync(new LangGraphRequest(HttpMethod.Get, RunsPath(threadId), options) { Operation = "runs.list", ThreadId = threadId, Query = query }, cancellationToken);
    }

    /// <summary>Gets a run (<c>GET /threads/{thread_id}/runs/{run_id}</c>).</summary>
    /// <param name="threadId">The thread; empty or whitespace is refused.</param>
    /// <param name="runId">The run.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The run.</returns>
    /// <exception cref="LangGraphNotFoundException">The run or thread does not exist, or custom auth hides it.</exception>
    public virtual Task<Run> GetAsync(string threadId, string runId, RunGetOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(new LangGraphRequest(HttpMethod.Get, RunPath(threadId, runId), options) { Operation = "runs.get", ThreadId = threadId, RunId = runId }, LangGraphJsonContext.Default.Run, cancellationToken);

    /// <summary>Cancels a run (<c>POST /threads/{thread_id}/runs/{run_id}/cancel?wait=…&amp;action=…[&amp;reason=…]</c>).</summary>
    /// <param name="threadId">The thread; empty or whitespace is refused.</param>
    /// <param name="runId">The run.</param>
    /// <param name="options">Whether to wait until the run has stopped, interrupt or rollback, the reason, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has accepted the cancellation (or, with <see cref="RunCancelOptions.Wait"/>, when the run has stopped).</returns>
    public virtual Task CancelAsync(string threadId, string runId, RunCancelOptions? options = null, CancellationToken cancellationToken = default)
    {
        var wait = options?.Wait ?? false;
        var query = new QueryBuilder().Add("wait", wait ? 1 : 0).Add("action", (options?.Action ?? CancelAction.Interrupt).Value);
        if (options?.Reason is { } reason)
        {
            query.Add("reason", reason.Value);
        }

        var request = new LangGraphRequest(HttpMethod.Post, RunPath(threadId, runId) + "/cancel", options) { Operation = "runs.cancel", ThreadId = threadId, RunId = runId, Query = query };
        return wait ? _core.LongPollAsync(request, onRunCreated: null, cancellationToken) : _core.SendAsync(request, cancellationToken);
    }

    /// <summary>Cancels several runs, selected by thread, ids or status (<c>POST /runs/cancel?action=…</c>).</summary>
    /// <param name="options">Thread id, run ids, status, action, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has accepted the cancellation.</returns>
    public virtual Task CancelManyAsync(RunCancelManyOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = new RunCancelManyRequest { ThreadId = options?.ThreadId, RunIds = options?.RunIds, Status = options?.Status?.Value };
        var request = new LangGraphRequest(HttpMethod.Post, "/runs/cancel", options)
        {
            Operation = "runs.cancel_many",
            Query = new QueryBuilder().Add("action", (options?.Action ?? CancelAction.Interrupt).Value),
            Body = JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.RunCancelManyRequest),
        };
        return _core.SendAsync(request, cancellationToken);
    }

    /// <summary>Waits for a run to finish and returns its final state (<c>GET /threads/{thread_id}/runs/{run_id}/join</c>).</summary>
    /// <remarks>A long poll like <see cref="WaitAsync"/>: not subject to the client timeout, resumed through <c>Location</c>.</remarks>
    /// <param name="threadId">The thread; empty or whitespace is refused.</param>
    /// <param name="runId">The run.</param>
    /// <param name="options">Cancel on disconnect, error policy, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The thread's final state values (a JSON null when the server has none).</returns>
    /// <exception cref="LangGraphRunException">The run failed and <see cref="RunJoinOptions.ThrowOnError"/> is true.</exception>
    public virtual async Task<JsonElement> JoinAsync(string threadId, string runId, RunJoinOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder();
        if (options?.CancelOnDisconnect is { } cancelOnDisconnect)
        {
            query.Add("cancel_on_disconnect", cancelOnDisconnect);
        }

        var request = new LangGraphRequest(HttpMethod.Get, RunPath(threadId, runId) + "/join", options) { Operation = "runs.join", ThreadId = threadId, RunId = runId, Query = query };
        var result = await _core.LongPollAsync(request, onRunCreated: null, cancellationToken).ConfigureAwait(false);
        return (options?.ThrowOnError ?? true) && RunErrors.FromResult(result, runId, threadId, _core.RedactorFor(options)) is { } failed ? throw failed : result;
    }

    /// <summary>
    /// Streams a run that is already going (<c>GET /threads/{thread_id}/runs/{run_id}/stream</c>, or
    /// <c>GET /runs/{run_id}/stream</c> when <paramref name="threadId"/> is null), from its start or after
    /// <see cref="RunJoinStreamOptions.LastEventId"/>.
    /// </summary>
    /// <param name="threadId">The thread, or null for a stateless run; empty or whitespace is refused.</param>
    /// <param name="runId">The run.</param>
    /// <param name="options">Last event id, stream modes, cancel on disconnect, error policy, headers.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The run's events.</returns>
#pragma warning disable CS8424 // The token goes to the iterator returned, which observes it; the attribute states the contract.
    public virtual IAsyncEnumerable<StreamPart> JoinStreamAsync(string? threadId, string runId, RunJoinStreamOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS8424
    {
        var query = new QueryBuilder().Add("cancel_on_disconnect", options?.CancelOnDisconnect ?? false);
        if (options?.StreamMode is { Count: > 0 } modes)
        {
            query.Add("stream_mode", StreamModeValues(modes));
        }

        var path = threadId is null ? "/runs/" + UrlPath.Segment(runId, nameof(runId)) : RunPath(threadId, runId);
        var request = new LangGraphRequest(HttpMethod.Get, path + "/stream", options) { Operation = "runs.join_stream", ThreadId = threadId, RunId = runId, Query = query };
        var settings = new StreamSettings
        {
            LastEventId = options?.LastEventId,
            ThrowOnError = options?.ThrowOnError ?? true,
            Run = new RunLocation(runId, threadId),
        };
        return new RunStream(_core).ReadAsync(request, settings, cancellationToken);
    }

    /// <summary>Deletes a run (<c>DELETE /threads/{thread_id}/runs/{run_id}</c>).</summary>
    /// <param name="threadId">The thread; empty or whitespace is refused.</param>
    /// <param name="runId">The run.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the run is deleted.</returns>
    public virtual Task DeleteAsync(string threadId, string runId, RunDeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(new LangGraphRequest(HttpMethod.Delete, RunPath(threadId, runId), options) { Operation = "runs.delete", ThreadId = threadId, RunId = runId }, cancellationToken);

    private static string RunsPath(string? threadId) =>
        threadId is null ? "/runs" : "/threads/" + UrlPath.Segment(threadId, nameof(threadId)) + "/runs";

    private static string RunPath(string threadId, string runId) =>
        RunsPath(threadId ?? throw new ArgumentNullException(nameof(threadId))) + "/" + UrlPath.Segment(runId, nameof(runId));

    private static List<string> StreamModeValues(IReadOnlyList<StreamMode> modes)
    {
        var values = new List<string>(modes.Count);
        foreach (var mode in modes)
        {
            values.Add(mode.Value);
        }

        return values;
    }

    private async Task<IReadOnlyList<Run>> SendListAsync(LangGraphRequest request, CancellationToken cancellationToken) =>
        await _core.SendAsync(request, LangGraphJsonContext.Default.ListRun, cancellationToken).ConfigureAwait(false);

    /// <summary>Builds a run-creation body with the fields the Python SDK sends for <paramref name="route"/>, None-stripped.</summary>
    private byte[] RunBody(string assistantId, RunCreateOptions? o, RunRoute route, string? threadId = null)
    {
        if (string.IsNullOrWhiteSpace(assistantId))
        {
            throw new ArgumentException("An assistant id or graph name is required.", nameof(assistantId));
        }

        var user = _core.UserJsonOptions;
        var streams = route is RunRoute.Stream or RunRoute.Create or RunRoute.Batch;
#pragma warning disable CS0618 // CheckpointDuring is deprecated, and still sent when the caller sets it.
        var body = new RunRequest
        {
            AssistantId = assistantId,
            ThreadId = route == RunRoute.Batch ? threadId : null,
            StreamMode = streams ? (o?.StreamMode is { Count: > 0 } requested ? requested : DefaultStreamModes) : null,
            StreamSubgraphs = streams ? o?.StreamSubgraphs ?? false : null,
            StreamResumable = streams ? o?.StreamResumable ?? false : null,
            Input = UserJson.Element(user, o?.Input, "input"),
            Command = RunCommandRequest.From(o?.Command, user),
            Metadata = o is null ? null : UserJson.Object(user, o.Metadata, "metadata"),
            Config = RunConfigRequest.From(o?.Config, user),
            Context = UserJson.Element(user, o?.Context, "context"),
            Checkpoint = o?.Checkpoint,
            CheckpointId = o?.CheckpointId,
            CheckpointDuring = o?.CheckpointDuring,
            InterruptBefore = o?.InterruptBefore,
            InterruptAfter = o?.InterruptAfter,
            FeedbackKeys = route == RunRoute.Stream ? o?.FeedbackKeys : null,
            OnDisconnect = route is RunRoute.Stream or RunRoute.Wait ? o?.OnDisconnect?.Value : null,
            OnCompletion = o?.OnCompletion?.Value,
            Webhook = o?.Webhook?.OriginalString,
            MultitaskStrategy = o?.MultitaskStrategy?.Value,
            IfNotExists = o?.IfNotExists?.Value,
            AfterSeconds = o?.AfterSeconds,
            Durability = o?.Durability?.Value,
            LangSmithTracer = LangSmithTracerRequest.From(o?.LangSmithTracing),
            StrictResume = route == RunRoute.Batch ? null : o?.StrictResume,
        };
#pragma warning restore CS0618
        return JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.RunRequest);
    }
}

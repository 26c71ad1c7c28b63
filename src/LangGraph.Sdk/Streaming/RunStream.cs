using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Diagnostics;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Streaming;

/// <summary>
/// The one owner of the resume policy of an event stream: where a stream resumes (the response's <c>Location</c>, or the
/// join route of a resumable run), from which event (<c>Last-Event-ID</c>), what is a replay, and when an early end is
/// the end (the run's status). The HTTP core only opens event streams and reads their bytes.
/// </summary>
/// <remarks>
/// A stream ends normally only with an <c>end</c> or <c>error</c> event, or with a clean end of a run that has
/// finished. After any other end (a drop, a truncated event, a clean end without <c>end</c>) it is resumed with
/// <c>GET</c> and <c>Last-Event-ID</c> (<c>-1</c> when no event was seen yet; never a new run) through the response's
/// same-origin <c>Location</c>, or, without one, through the join route of a run created with
/// <c>stream_resumable</c>; an event at or before the last id seen is skipped. A resume that brings nothing new ends
/// the stream only when it was asked for after the run's status said it finished (an empty resume before that leads
/// to a status check and, for a finished run, one more resume). With no way to resume, a drop raises a
/// <see cref="LangGraphException"/> that says how far the stream got, and a clean end asks the run's status: finished
/// ends the stream, still running (after the reconnect budget) or a failed check raises that error.
/// </remarks>
internal sealed class RunStream
{
    private readonly LangGraphHttpCore _core;

    public RunStream(LangGraphHttpCore core) => _core = core;

    /// <summary>Sends the request and yields the server-sent events of the response as they arrive, resuming after early ends.</summary>
    /// <remarks>Observed (by a span listener or a stream metric), the stream runs inside <see cref="TracedAsync"/>; otherwise it costs nothing more.</remarks>
    public IAsyncEnumerable<StreamPart> ReadAsync(LangGraphRequest request, StreamSettings settings, CancellationToken cancellationToken) =>
        Telemetry.StreamObserved ? TracedAsync(request, settings, cancellationToken) : ReadCoreAsync(request, settings, cancellationToken);

    /// <summary>
    /// The stream inside its one span, which covers the whole enumeration (resumes, retries and status checks inside it)
    /// and ends in the <c>finally</c>: at the end, on an error, on cancellation, and when the consumer stops early.
    /// </summary>
    /// <remarks>
    /// An async iterator resumes each <c>MoveNextAsync</c> in its consumer's execution context, so the span set as
    /// <see cref="System.Diagnostics.Activity.Current"/> when it started is gone after the first <c>yield</c>: it is kept in a local and made
    /// current again around each step of the inner stream, so that reconnects, retries and status checks nest under it.
    /// </remarks>
    private async IAsyncEnumerable<StreamPart> TracedAsync(LangGraphRequest request, StreamSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var timeProvider = _core.TimeProvider;
        var activity = Telemetry.StartOperation(request, _core.ApiUrl);
        var started = timeProvider.GetTimestamp();
        Exception? failure = null;
        var count = 0L;
        var parts = ReadCoreAsync(request, settings, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await Telemetry.MoveNextAsync(parts, activity).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failure = ex;
                    throw;
                }

                if (!moved)
                {
                    break;
                }

                var part = parts.Current;
                Telemetry.OnStreamEvent(activity, request.Operation, part.Event, ++count == 1, timeProvider, started);
                yield return part;
            }
        }
        finally
        {
            await parts.DisposeAsync().ConfigureAwait(false);
            activity?.SetTag(Telemetry.StreamEventsTag, count);
            Telemetry.StopOperation(activity, request.Operation, timeProvider, started, failure);
        }
    }

    private async IAsyncEnumerable<StreamPart> ReadCoreAsync(LangGraphRequest request, StreamSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = _core.Describe(request);
        var redactor = _core.RedactorFor(request.Options);
        var retry = _core.RetryOptions;

        var response = await _core.OpenEventStreamAsync(request, settings.LastEventId, cancellationToken).ConfigureAwait(false);
        var created = RunLocation.Parse(LangGraphHttpCore.ContentLocation(response));
        if (settings.OnRunCreated is { } onRunCreated && created is not null)
        {
            onRunCreated(new RunCreateMetadata(created.RunId, created.ThreadId));
        }

        var location = _core.ReconnectLocation(response);
        var run = settings.Run ?? created ?? RunLocation.Parse(location?.AbsolutePath);
        Telemetry.OnStreamOpened(request.Operation, response, run);

        var lastId = settings.LastEventId;
        var attempts = 0;
        var total = 0L;
        var reconnected = false;
        var replayAfterFinish = false; // the replay now being read was asked for after the run was seen finished
        StreamPart? error = null;
        try
        {
            while (true)
            {
                var terminal = false;
                var received = 0;
                string? connectionId = null;
                var replay = false;
                Exception? dropped = null;
                var events = _core.ReadEventsAsync(response, source, redactor, cancellationToken).GetAsyncEnumerator(cancellationToken);
                await using (events.ConfigureAwait(false))
                {
                    while (true)
                    {
                        bool moved;
                        try
                        {
                            moved = await events.MoveNextAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
                        {
                            dropped = ex;
                            break;
                        }

                        if (!moved)
                        {
                            break;
                        }

                        var part = events.Current;
                        if (part.Id is { Length: 0 })
                        {
                            // An empty `id:` line reset the cursor (SSE rules): forget it, so that no stale Last-Event-ID is
                            // ever sent. Until a new id arrives the stream counts as id-less, so a drop is reported, not resumed.
                            lastId = null;
                            connectionId = null;
                            replay = false;
                            part = part with { Id = null };
                        }
                        else if (part.Id is null)
                        {
                            // No id on this connection yet: the events continue from the last id seen.
                            part = part with { Id = lastId };
                        }
                        else if (!string.Equals(part.Id, connectionId, StringComparison.Ordinal))
                        {
                            // A new id: after a reconnect, one at or before the last id seen is a replay. Events
                            // without an id line carry their predecessor's id (SSE rules) and share its fate.
                            connectionId = part.Id;
                            replay = reconnected && lastId is not null && EventIdOrder.IsAtOrBefore(part.Id, lastId);
                        }

                        if (replay)
                        {
                            continue; // the caller already has it
                        }

                        lastId = part.Id ?? lastId;
                        received++;
                        total++;
                        if (part.Event == "error" || part.Event.StartsWith("error|", StringComparison.Ordinal))
                        {
                            // A server may echo credentials into a run's error: the caller sees them masked.
                            part = part with { Data = redactor.RedactJson(part.Data) };
                        }

                        if (part.Event is "error" or "end")
                        {
                            terminal = true;
                            error = part.Event == "error" ? part : error;
                        }

                        yield return part;
                    }
                }

                response.Dispose();
                if (received > 0)
                {
                    attempts = 0;
                }

                if (dropped is null && terminal)
                {
                    break; // the run's own end
                }

                // An early end: a drop, a truncated event, or a clean end without `end` or `error`. Resume from the last
                // id through the Location, or through the join route of a resumable run; never end quietly.
                // Events without ids (stateless streams) cannot be resumed after: a replay could not be told from new events.
                var resumable = lastId is not null || total == 0;
                var target = !resumable ? null : location ?? (settings.Resumable && run?.ThreadId is { } tid ? _core.AbsoluteUrl(JoinPath(tid, run.RunId)) : null);
                if (target is not null && retry.MaxStreamReconnects > 0)
                {
                    if (!_core.IsSameOrigin(target))
                    {
                        throw new LangGraphException(
                            $"{(dropped is null ? EarlyEndMessage(source, total, lastId, run, "it ended before its run finished") : DropMessage(source, dropped, total, lastId, run, redactor))}; " +
                            $"refusing to follow the cross-origin reconnect Location {target.GetLeftPart(UriPartial.Authority)} (the API is at {_core.ApiUrl.GetLeftPart(UriPartial.Authority)}).",
                            dropped);
                    }

                    if (dropped is null && reconnected && received == 0)
                    {
                        // A replay that brought nothing new. It is the end only when it was asked for after the run was
                        // seen finished: a replay cut before its first event looks just the same, so a run that turns
                        // out to have finished is replayed once more, and only that replay's clean, empty end is final.
                        // A stateless run has no run route to ask: its empty replay is the end.
                        if (run?.ThreadId is null || replayAfterFinish)
                        {
                            break;
                        }

                        replayAfterFinish = !await RunIsActiveAsync(run, request.Options, source, total, lastId, redactor, cancellationToken).ConfigureAwait(false);
                    }

                    (response, attempts) = await ReconnectAsync(request.Redirected(target), lastId, attempts, source, dropped, total, run, redactor, cancellationToken).ConfigureAwait(false);
                    reconnected = true;
                    continue;
                }

                if (dropped is not null)
                {
                    throw new LangGraphException(DropMessage(source, dropped, total, lastId, run, redactor), dropped);
                }

                // A clean end with no way back (the JS dev server sends neither `end` nor Location): the end of the run if
                // the run says it has finished. A stateless run has no run route to ask: its clean end is the end.
                if (run?.ThreadId is not null)
                {
                    await EnsureRunFinishedAsync(run, request.Options, source, total, lastId, redactor, cancellationToken).ConfigureAwait(false);
                }

                break;
            }
        }
        finally
        {
            response.Dispose();
        }

        if (error is { } failed && settings.ThrowOnError)
        {
            throw RunErrors.FromError(failed.Data, run?.RunId, run?.ThreadId, redactor, settings.RunError);
        }
    }

    private static string RunPath(string threadId, string runId) =>
        $"/threads/{UrlPath.Segment(threadId, "threadId")}/runs/{UrlPath.Segment(runId, "runId")}";

    /// <summary>The join route of a threaded run's stream.</summary>
    private static string JoinPath(string threadId, string runId) => RunPath(threadId, runId) + "/stream";

    private static string DropMessage(string source, Exception dropped, long events, string? lastId, RunLocation? run, CredentialRedactor redactor) =>
        dropped is SseTruncatedException
            ? $"The event stream of {source} was truncated {Progress(events, lastId, run)}: {dropped.Message}"
            : $"The event stream of {source} was cut off {Progress(events, lastId, run)}: {redactor.Redact(dropped.Message)}";

    /// <summary>How far a stream got: events received, the last event id, and the run when known.</summary>
    private static string Progress(long events, string? lastId, RunLocation? run)
    {
        var where = $"after {events} event{(events == 1 ? string.Empty : "s")}";
        var details = new List<string>(2);
        if (lastId is not null)
        {
            details.Add($"last event id {lastId}");
        }

        if (run is not null)
        {
            details.Add(run.ThreadId is null ? $"run {run.RunId}" : $"run {run.RunId} on thread {run.ThreadId}");
        }

        return details.Count == 0 ? where : $"{where} ({string.Join("; ", details)})";
    }

    private static string EarlyEndMessage(string source, long events, string? lastId, RunLocation? run, string why) =>
        $"The event stream of {source} is incomplete {Progress(events, lastId, run)}: {why}";

    private static LangGraphRequestOptions? RequestHeadersOnly(LangGraphRequestOptions? options)
    {
        if (options is null || options.Headers.Count == 0)
        {
            return null;
        }

        var copy = new LangGraphRequestOptions();
        foreach (var header in options.Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        return copy;
    }

    /// <summary>
    /// Asks whether the run is still pending or running. A failed check (an error status after retries, a lost
    /// connection) is not taken as "run gone": it raises the partial-stream error, so that a lost tail is never silent.
    /// </summary>
    private async Task<bool> RunIsActiveAsync(
        RunLocation run, LangGraphRequestOptions? options, string source, long total, string? lastId, CredentialRedactor redactor, CancellationToken cancellationToken)
    {
        try
        {
            var request = new LangGraphRequest(HttpMethod.Get, RunPath(run.ThreadId!, run.RunId), RequestHeadersOnly(options)) { Operation = "runs.get", ThreadId = run.ThreadId, RunId = run.RunId };
            var current = await _core.SendAsync(request, LangGraphJsonContext.Default.Run, cancellationToken).ConfigureAwait(false);
            return current.Status == RunStatus.Pending || current.Status == RunStatus.Running;
        }
        catch (LangGraphException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LangGraphException(
                EarlyEndMessage(source, total, lastId, run, "it ended without an end event and the run's status could not be checked: " + redactor.Redact(ex.Message)), ex);
        }
    }

    /// <summary>
    /// After a clean end that cannot be resumed: returns when the run has finished (asking again with the client's
    /// backoff while the server has not yet recorded the end), and throws the partial-stream error when it is still
    /// pending or running after <see cref="LangGraphRetryOptions.MaxStreamReconnects"/> checks.
    /// </summary>
    private async Task EnsureRunFinishedAsync(
        RunLocation run, LangGraphRequestOptions? options, string source, long total, string? lastId, CredentialRedactor redactor, CancellationToken cancellationToken)
    {
        var retry = _core.RetryOptions;
        for (var check = 0; await RunIsActiveAsync(run, options, source, total, lastId, redactor, cancellationToken).ConfigureAwait(false); check++)
        {
            if (check >= retry.MaxStreamReconnects)
            {
                throw new LangGraphException(EarlyEndMessage(
                    source, total, lastId, run, "it ended while the run was still going, and the stream cannot be resumed (the response gave no Location and the run was not created with stream_resumable)"));
            }

            await Task.Delay(retry.ReconnectDelay(check + 1), _core.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Resumes the stream with a GET of <paramref name="request"/> (its Location or join route): one attempt per
    /// reconnect, with the client's backoff before each, as many in a row as <see cref="LangGraphRetryOptions.MaxStreamReconnects"/>.
    /// </summary>
    private async Task<(HttpResponseMessage Response, int Attempts)> ReconnectAsync(
        LangGraphRequest request, string? lastId, int attempts, string source, Exception? dropped, long total, RunLocation? run, CredentialRedactor redactor, CancellationToken cancellationToken)
    {
        var retry = _core.RetryOptions;
        var lastError = dropped;
        while (true)
        {
            attempts++;
            if (attempts > retry.MaxStreamReconnects)
            {
                var why = lastError is null ? "it ended before its run finished" : redactor.Redact(lastError.Message);
                throw new LangGraphException(
                    $"The event stream of {source} could not be resumed {Progress(total, lastId, run)}: " +
                    $"{retry.MaxStreamReconnects} reconnect attempts failed: {why}",
                    lastError);
            }

            await Task.Delay(retry.ReconnectDelay(attempts), _core.TimeProvider, cancellationToken).ConfigureAwait(false);
            Telemetry.OnReconnect(request.Operation, attempts, lastId is not null);

            // No event seen yet: "-1" asks for the run's events from the start, not for the live stream from now on.
            var (response, failure) = await _core.TryOpenEventStreamAsync(request, lastId ?? "-1", cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                return (response, attempts);
            }

            lastError = failure;
        }
    }
}

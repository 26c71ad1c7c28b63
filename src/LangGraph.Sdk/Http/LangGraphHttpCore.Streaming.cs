using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The long-lived calls of the HTTP core: event streams that survive drops, and long polls (<c>runs/wait</c>,
/// <c>join</c>) that follow a reconnect <c>Location</c>. Neither is subject to <see cref="LangGraphClientOptions.Timeout"/>:
/// they last as long as the run, and the caller's cancellation token ends them.
/// </summary>
internal sealed partial class LangGraphHttpCore
{
    private const int MaxLongPollReconnects = 5;

    /// <summary>
    /// Sends the request and yields the server-sent events of the response as they arrive.
    /// </summary>
    /// <remarks>
    /// A stream ends normally only with an <c>end</c> or <c>error</c> event, or with a clean end of a run that has
    /// finished. After any other end (a drop, a truncated event, a clean end without <c>end</c>) it is resumed with
    /// <c>GET</c> and <c>Last-Event-ID</c> (<c>-1</c> when no event was seen yet; never a new run) through the
    /// response's same-origin <c>Location</c>, or, without one, through the join route of a run created with
    /// <c>stream_resumable</c>; an event at or before the last id seen is skipped. A resume that brings nothing new ends
    /// the stream only when it was asked for after the run's status said it finished (an empty resume before that
    /// leads to a status check and, for a finished run, one more resume). With no way to resume, a drop raises a
    /// <see cref="LangGraphException"/> that says how far the stream got, and a clean end asks the run's status: finished
    /// ends the stream, still running (after the reconnect budget) or a failed check raises that error.
    /// </remarks>
    public async IAsyncEnumerable<StreamPart> StreamAsync(LangGraphRequest request, StreamSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = WithStreamHeaders(request, request.MethodHeaders, settings.LastEventId);
        var source = Describe(first);
        var redactor = _redactor.With(request.Options?.Headers);

        var response = await SendWithRetriesAsync(first, cancellationToken).ConfigureAwait(false);
        try
        {
            await ThrowIfErrorAsync(first, response, cancellationToken).ConfigureAwait(false);
            EnsureEventStream(first, response);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var created = RunLocation.Parse(ContentLocation(response));
        if (settings.OnRunCreated is { } onRunCreated && created is not null)
        {
            onRunCreated(new RunCreateMetadata(created.RunId, created.ThreadId));
        }

        var location = ReconnectLocation(response);
        var run = settings.Run ?? created ?? RunLocation.Parse(location?.AbsolutePath);

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
                var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                await using (body.ConfigureAwait(false))
                {
                    var events = SseReader.ReadAsync(body, source, redactor, _maxStreamEventSize, cancellationToken).GetAsyncEnumerator(cancellationToken);
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
                            if (part.Id is null)
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
                var target = !resumable ? null : location ?? (settings.Resumable && run?.ThreadId is { } tid ? JoinRoute(tid, run.RunId) : null);
                if (target is not null && _retryOptions.MaxStreamReconnects > 0)
                {
                    if (!IsSameOrigin(target))
                    {
                        throw new LangGraphException(
                            $"{(dropped is null ? EarlyEndMessage(source, total, lastId, run, "it ended before its run finished") : DropMessage(source, dropped, total, lastId, run, redactor))}; " +
                            $"refusing to follow the cross-origin reconnect Location {target.GetLeftPart(UriPartial.Authority)} (the API is at {ApiUrl.GetLeftPart(UriPartial.Authority)}).",
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

                    (response, attempts) = await ReconnectAsync(request, target, lastId, attempts, source, dropped, total, run, redactor, cancellationToken).ConfigureAwait(false);
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
            throw RunErrors.FromError(failed.Data, run?.RunId, run?.ThreadId, redactor);
        }
    }

    /// <summary>
    /// Sends a long poll (<c>runs/wait</c>, <c>join</c>, <c>cancel?wait=1</c>) and reads its JSON result, skipping the
    /// keep-alive newlines the JS server writes first and ignoring its <c>text/plain</c> content type. A connection lost
    /// while reading is resumed with <c>GET Location</c> when the response gave one (up to five times).
    /// </summary>
    /// <returns>The result; a JSON null for an empty body.</returns>
    public async Task<JsonElement> LongPollAsync(LangGraphRequest request, Action<RunCreateMetadata>? onRunCreated, CancellationToken cancellationToken)
    {
        var current = request;
        for (var reconnects = 0; ; reconnects++)
        {
            var response = await SendWithRetriesAsync(current, cancellationToken).ConfigureAwait(false);
            Uri? location;
            byte[] bytes;
            try
            {
                await ThrowIfErrorAsync(current, response, cancellationToken).ConfigureAwait(false);
                if (reconnects == 0 && onRunCreated is not null && RunLocation.Parse(ContentLocation(response)) is { } created)
                {
                    onRunCreated(new RunCreateMetadata(created.RunId, created.ThreadId));
                }

                location = ReconnectLocation(response);
                bytes = (int)response.StatusCode is 202 or 204 ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                location = ReconnectLocation(response);
                if (location is null || reconnects >= MaxLongPollReconnects || !IsSameOrigin(location))
                {
                    var why = location is null ? string.Empty
                        : !IsSameOrigin(location) ? " (its cross-origin reconnect Location was refused)"
                        : $" (after {reconnects} reconnects)";
                    throw new LangGraphException(
                        $"The connection was lost while waiting for the result of {Describe(request)}{why}: the server received the request{RunCreated(RunLocation.Parse(ContentLocation(response)))}: " +
                        _redactor.With(request.Options?.Headers).Redact(ex.Message), ex);
                }

                // Only the original headers go with the GET: no body, so no Content-Type or Content-Length.
                current = new LangGraphRequest(HttpMethod.Get, request.Path, request.Options) { AbsoluteUrl = location, MethodHeaders = request.MethodHeaders };
                continue;
            }
            finally
            {
                response.Dispose();
            }

            return ParseLongPollResult(current, bytes);
        }
    }

    /// <summary>The response's <c>Location</c> header as an absolute URL (resolved against the request), or null.</summary>
    private Uri? ReconnectLocation(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(response.RequestMessage?.RequestUri ?? ApiUrl, location) : null;

    private static string? ContentLocation(HttpResponseMessage response) =>
        response.Content.Headers.ContentLocation?.OriginalString
        ?? (response.Headers.TryGetValues("Content-Location", out var values) ? string.Join(",", values) : null);

    private static string DropMessage(string source, Exception dropped, long events, string? lastId, RunLocation? run, CredentialRedactor redactor) =>
        dropped is SseTruncatedException
            ? $"The event stream of {source} was truncated {Progress(events, lastId, run)}: {dropped.Message}"
            : $"The event stream of {source} was cut off {Progress(events, lastId, run)}: {redactor.Redact(dropped.Message)}";

    private static LangGraphRequest WithStreamHeaders(LangGraphRequest request, IReadOnlyList<KeyValuePair<string, string>>? methodHeaders, string? lastEventId)
    {
        var headers = new List<KeyValuePair<string, string>>(4) { new("Accept", "text/event-stream"), new("Cache-Control", "no-store") };
        if (methodHeaders is not null)
        {
            headers.AddRange(methodHeaders);
        }

        if (!string.IsNullOrEmpty(lastEventId))
        {
            headers.Add(new("Last-Event-ID", lastEventId));
        }

        return new LangGraphRequest(request.Method, request.Path, request.Options)
        {
            Query = request.Query,
            Body = request.Body,
            AbsoluteUrl = request.AbsoluteUrl,
            MethodHeaders = headers,
        };
    }

    private void EnsureEventStream(LangGraphRequest request, HttpResponseMessage response)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            throw new LangGraphException(
                $"Expected a text/event-stream response to {Describe(request)}, but the server sent Content-Type '{response.Content.Headers.ContentType?.ToString() ?? "(none)"}'.");
        }
    }

    private bool IsSameOrigin(Uri location) => SameOrigin(location, ApiUrl);

    /// <summary>The join route of a threaded run's stream, on the API's own origin.</summary>
    private Uri JoinRoute(string threadId, string runId) =>
        new($"{_baseUrl}/threads/{UrlPath.Segment(threadId, "threadId")}/runs/{UrlPath.Segment(runId, "runId")}/stream");

    /// <summary>
    /// Asks whether the run is still pending or running. A failed check (an error status after retries, a lost
    /// connection) is not taken as "run gone": it raises the partial-stream error, so that a lost tail is never silent.
    /// </summary>
    private async Task<bool> RunIsActiveAsync(
        RunLocation run, LangGraphRequestOptions? options, string source, long total, string? lastId, CredentialRedactor redactor, CancellationToken cancellationToken)
    {
        var path = $"/threads/{UrlPath.Segment(run.ThreadId!, "threadId")}/runs/{UrlPath.Segment(run.RunId, "runId")}";
        try
        {
            var current = await SendAsync(new LangGraphRequest(HttpMethod.Get, path, RequestHeadersOnly(options)), LangGraphJsonContext.Default.Run, cancellationToken).ConfigureAwait(false);
            return current.Status == RunStatus.Pending || current.Status == RunStatus.Running;
        }
        catch (LangGraphException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LangGraphException(
                EarlyEndMessage(source, total, lastId, run, "it ended without an end event and the run's status could not be checked: " + redactor.Redact(ex.Message)), ex);
        }
    }

    /// <summary>
    /// After a clean end that cannot be resumed: returns when the run has finished (asking again with the reconnect
    /// backoff while the server has not yet recorded the end), and throws the partial-stream error when it is still
    /// pending or running after <see cref="LangGraphRetryOptions.MaxStreamReconnects"/> checks.
    /// </summary>
    private async Task EnsureRunFinishedAsync(
        RunLocation run, LangGraphRequestOptions? options, string source, long total, string? lastId, CredentialRedactor redactor, CancellationToken cancellationToken)
    {
        for (var check = 0; await RunIsActiveAsync(run, options, source, total, lastId, redactor, cancellationToken).ConfigureAwait(false); check++)
        {
            if (check >= _retryOptions.MaxStreamReconnects)
            {
                throw new LangGraphException(EarlyEndMessage(
                    source, total, lastId, run, "it ended while the run was still going, and the stream cannot be resumed (the response gave no Location and the run was not created with stream_resumable)"));
            }

            await Task.Delay(_retryOptions.ReconnectDelay(check + 1), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

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

    private async Task<(HttpResponseMessage Response, int Attempts)> ReconnectAsync(
        LangGraphRequest original, Uri location, string? lastId, int attempts, string source, Exception? dropped, long total, RunLocation? run, CredentialRedactor redactor, CancellationToken cancellationToken)
    {
        // No event seen yet: "-1" asks for the run's events from the start, not for the live stream from now on.
        var request = WithStreamHeaders(
            new LangGraphRequest(HttpMethod.Get, original.Path, original.Options) { AbsoluteUrl = location },
            original.MethodHeaders,
            lastId ?? "-1");
        var lastError = dropped;
        while (true)
        {
            attempts++;
            if (attempts > _retryOptions.MaxStreamReconnects)
            {
                var why = lastError is null ? "it ended before its run finished" : redactor.Redact(lastError.Message);
                throw new LangGraphException(
                    $"The event stream of {source} could not be resumed {Progress(total, lastId, run)}: " +
                    $"{_retryOptions.MaxStreamReconnects} reconnect attempts failed: {why}",
                    lastError);
            }

            await Task.Delay(_retryOptions.ReconnectDelay(attempts), _timeProvider, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
            {
                lastError = ex;
                continue;
            }

            if (RetryPipeline.IsRetriableStatus(response.StatusCode))
            {
                lastError = new HttpRequestException($"the reconnect got HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                response.Dispose();
                continue;
            }

            try
            {
                await ThrowIfErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
                EnsureEventStream(request, response);
            }
            catch
            {
                response.Dispose();
                throw;
            }

            return (response, attempts);
        }
    }

    private JsonElement ParseLongPollResult(LangGraphRequest request, byte[] bytes)
    {
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return LangGraphJsonUtilities.Null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, LangGraphJsonContext.Default.JsonElement);
        }
        catch (JsonException ex)
        {
            var redactor = _redactor.With(request.Options?.Headers);
            throw new LangGraphException(
                $"The result of {Describe(request)} is not valid JSON: {redactor.Redact(ex.Message)} Body starts with: {Preview(bytes, redactor)}", ex);
        }
    }
}

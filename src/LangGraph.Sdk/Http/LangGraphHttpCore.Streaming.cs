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
    /// When the response carries a same-origin <c>Location</c>, a dropped or truncated stream, and a stream that ends
    /// cleanly while its run is still pending or running, are resumed with <c>GET Location</c> and <c>Last-Event-ID</c>
    /// (never a new run), with bounded backoff; an event at or before the last id seen is skipped. Without
    /// <c>Location</c> a drop raises a <see cref="LangGraphException"/> that says how far the stream got.
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
                    var events = SseReader.ReadAsync(body, source, redactor, cancellationToken).GetAsyncEnumerator(cancellationToken);
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

                if (dropped is null)
                {
                    // A clean end. It is the end of the run unless the server gave a way back and the run may still go on.
                    if (terminal || location is null || _retryOptions.MaxStreamReconnects == 0
                        || (reconnected && received == 0 && run?.ThreadId is null)
                        || !await RunMayBeActiveAsync(run, request.Options, cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                else if (location is null || _retryOptions.MaxStreamReconnects == 0)
                {
                    throw new LangGraphException(DropMessage(source, dropped, total, lastId, redactor), dropped);
                }

                if (!IsSameOrigin(location))
                {
                    throw new LangGraphException(
                        $"{(dropped is null ? "The event stream of " + source + " ended before its run finished" : DropMessage(source, dropped, total, lastId, redactor))}; " +
                        $"refusing to follow the cross-origin reconnect Location {location.GetLeftPart(UriPartial.Authority)} (the API is at {ApiUrl.GetLeftPart(UriPartial.Authority)}).",
                        dropped);
                }

                (response, attempts) = await ReconnectAsync(request, location, lastId, attempts, source, dropped, total, redactor, cancellationToken).ConfigureAwait(false);
                reconnected = true;
            }
        }
        finally
        {
            response.Dispose();
        }

        if (error is { } failed && settings.ThrowOnError)
        {
            throw RunErrors.FromError(failed.Data, run?.RunId, run?.ThreadId);
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
                        $"The connection was lost while waiting for the result of {Describe(request)}{why}: {_redactor.With(request.Options?.Headers).Redact(ex.Message)}", ex);
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

    private static string DropMessage(string source, Exception dropped, long events, string? lastId, CredentialRedactor redactor)
    {
        var where = $"after {events} event{(events == 1 ? string.Empty : "s")}{(lastId is null ? string.Empty : $" (last event id {lastId})")}";
        return dropped is SseTruncatedException
            ? $"The event stream of {source} was truncated {where}: {dropped.Message}"
            : $"The event stream of {source} was cut off {where}: {redactor.Redact(dropped.Message)}";
    }

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

    private bool IsSameOrigin(Uri location) =>
        string.Equals(location.Scheme, ApiUrl.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(location.IdnHost, ApiUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
        && location.Port == ApiUrl.Port;

    /// <summary>
    /// After a clean end without an <c>end</c> or <c>error</c> event: is the run still pending or running? Unknown
    /// (a stateless run has no run route) counts as yes, and one reconnect then tells.
    /// </summary>
    private async Task<bool> RunMayBeActiveAsync(RunLocation? run, LangGraphRequestOptions? options, CancellationToken cancellationToken)
    {
        if (run?.ThreadId is not { } threadId)
        {
            return true;
        }

        var path = $"/threads/{UrlPath.Segment(threadId, "threadId")}/runs/{UrlPath.Segment(run.RunId, "runId")}";
        try
        {
            var current = await SendAsync(new LangGraphRequest(HttpMethod.Get, path, RequestHeadersOnly(options)), LangGraphJsonContext.Default.Run, cancellationToken).ConfigureAwait(false);
            return current.Status == RunStatus.Pending || current.Status == RunStatus.Running;
        }
        catch (LangGraphApiException)
        {
            return false; // the run is gone or hidden: nothing more will come
        }
    }

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
        LangGraphRequest original, Uri location, string? lastId, int attempts, string source, Exception? dropped, long total, CredentialRedactor redactor, CancellationToken cancellationToken)
    {
        var request = WithStreamHeaders(
            new LangGraphRequest(HttpMethod.Get, original.Path, original.Options) { AbsoluteUrl = location },
            original.MethodHeaders,
            lastId);
        var lastError = dropped;
        while (true)
        {
            attempts++;
            if (attempts > _retryOptions.MaxStreamReconnects)
            {
                var why = lastError is null ? "it ended before its run finished" : redactor.Redact(lastError.Message);
                throw new LangGraphException(
                    $"The event stream of {source} could not be resumed after {_retryOptions.MaxStreamReconnects} reconnect attempts " +
                    $"({total} events received{(lastId is null ? string.Empty : $", last event id {lastId}")}): {why}",
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

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Diagnostics;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The long-lived calls of the HTTP core: event streams (opened and read here; resumed by <see cref="RunStream"/>,
/// which owns that policy), and long polls (<c>runs/wait</c>, <c>join</c>) that follow a reconnect <c>Location</c>. Neither is subject to <see cref="LangGraphClientOptions.Timeout"/>:
/// they last as long as the run, and the caller's cancellation token ends them.
/// </summary>
internal sealed partial class LangGraphHttpCore
{
    /// <summary>
    /// Sends a request for an event stream (<c>Accept: text/event-stream</c>, and <c>Last-Event-ID</c> when given) through
    /// the retry handler, which retries the connect and the status, never the body, and returns the response once it is known to be a successful event stream.
    /// </summary>
    public async Task<HttpResponseMessage> OpenEventStreamAsync(LangGraphRequest request, string? lastEventId, CancellationToken cancellationToken)
    {
        request = WithStreamHeaders(request, lastEventId);
        var response = await SendAsync(request, RequestAttempts.Retried, cancellationToken).ConfigureAwait(false);
        await EnsureEventStreamAsync(request, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <summary>
    /// One attempt at opening an event stream, for a resume: a failed connection or a retriable status (408, 429, 5xx) is
    /// returned as the failure, any other error status raises its exception.
    /// </summary>
    public async Task<(HttpResponseMessage? Response, Exception? Failure)> TryOpenEventStreamAsync(LangGraphRequest request, string? lastEventId, CancellationToken cancellationToken)
    {
        request = WithStreamHeaders(request, lastEventId);
        HttpResponseMessage response;
        try
        {
            response = await SendAsync(request, RequestAttempts.Once, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, ex);
        }

        if (RetryPipeline.IsRetriableStatus(response.StatusCode))
        {
            var failure = new HttpRequestException($"the reconnect got HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            response.Dispose();
            return (null, failure);
        }

        await EnsureEventStreamAsync(request, response, cancellationToken).ConfigureAwait(false);
        return (response, null);
    }

    /// <summary>Reads the server-sent events of a response, bounded by <see cref="LangGraphClientOptions.MaxStreamEventSize"/>.</summary>
    public async IAsyncEnumerable<StreamPart> ReadEventsAsync(HttpResponseMessage response, string source, CredentialRedactor redactor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            await foreach (var part in SseReader.ReadAsync(body, source, redactor, _maxStreamEventSize, cancellationToken).ConfigureAwait(false))
            {
                yield return part;
            }
        }
    }

    /// <summary>
    /// Sends a long poll (<c>runs/wait</c>, <c>join</c>, <c>cancel?wait=1</c>) and reads its JSON result, skipping the
    /// keep-alive newlines the JS server writes first and ignoring its <c>text/plain</c> content type. A connection lost
    /// while reading is resumed with <c>GET Location</c> when the response gave one, as a stream is: up to
    /// <see cref="LangGraphRetryOptions.MaxStreamReconnects"/> times in a row, after the client's backoff delay.
    /// </summary>
    /// <returns>The result; a JSON null for an empty body.</returns>
    public async Task<JsonElement> LongPollAsync(LangGraphRequest request, Action<RunCreateMetadata>? onRunCreated, CancellationToken cancellationToken)
    {
        // One span for the whole wait: its Location re-GETs are reconnect events on it.
        var activity = Telemetry.StartOperation(request, ApiUrl);
        var started = _timeProvider.GetTimestamp();
        Exception? failure = null;
        try
        {
            var current = request;
            var delay = TimeSpan.Zero;
            for (var reconnects = 0; ; reconnects++)
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }

                var response = await SendAsync(current, RequestAttempts.Retried, cancellationToken).ConfigureAwait(false);
                Telemetry.OnResponse(activity, current, response);
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
                    if (location is null || reconnects >= _retryOptions.MaxStreamReconnects || !IsSameOrigin(location))
                    {
                        var why = location is null ? string.Empty
                            : !IsSameOrigin(location) ? " (its cross-origin reconnect Location was refused)"
                            : $" (after {reconnects} reconnects)";
                        throw new LangGraphException(
                            $"The connection was lost while waiting for the result of {Describe(request)}{why}: the server received the request{RunCreated(RunLocation.Parse(ContentLocation(response)))}: " +
                            _redactor.With(request.Options?.Headers).Redact(ex.Message), ex);
                    }

                    // Only the original headers go with the GET: no body, so no Content-Type or Content-Length.
                    current = request.Redirected(location);
                    delay = _retryOptions.ReconnectDelay(reconnects + 1);
                    Telemetry.OnReconnect(request.Operation, reconnects + 1, lastEventIdPresent: false);
                    continue;
                }
                finally
                {
                    response.Dispose();
                }

                return ParseLongPollResult(current, bytes);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            Telemetry.StopOperation(activity, request.Operation, _timeProvider, started, failure);
        }
    }

    /// <summary>The response's <c>Location</c> header as an absolute URL (resolved against the request), or null.</summary>
    public Uri? ReconnectLocation(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? new Uri(response.RequestMessage?.RequestUri ?? ApiUrl, location) : null;

    /// <summary>The response's <c>Content-Location</c> header, or null.</summary>
    public static string? ContentLocation(HttpResponseMessage response) =>
        response.Content.Headers.ContentLocation?.OriginalString
        ?? (response.Headers.TryGetValues("Content-Location", out var values) ? string.Join(",", values) : null);

    /// <summary>Whether a URL shares the API's scheme, host and port.</summary>
    public bool IsSameOrigin(Uri location) => SameOrigin(location, ApiUrl);

    /// <summary>The absolute URL of a path below the API URL.</summary>
    public Uri AbsoluteUrl(string path) => new(_baseUrl + path);

    private static LangGraphRequest WithStreamHeaders(LangGraphRequest request, string? lastEventId)
    {
        var headers = new List<KeyValuePair<string, string>>(4) { new("Accept", "text/event-stream"), new("Cache-Control", "no-store") };
        if (request.MethodHeaders is { } methodHeaders)
        {
            headers.AddRange(methodHeaders);
        }

        if (!string.IsNullOrEmpty(lastEventId))
        {
            headers.Add(new("Last-Event-ID", lastEventId));
        }

        return request.WithMethodHeaders(headers);
    }

    private async Task EnsureEventStreamAsync(LangGraphRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await ThrowIfErrorAsync(request, response, cancellationToken).ConfigureAwait(false);
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                throw new LangGraphException(
                    $"Expected a text/event-stream response to {Describe(request)}, but the server sent Content-Type '{response.Content.Headers.ContentType?.ToString() ?? "(none)"}'.");
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private JsonElement ParseLongPollResult(LangGraphRequest request, byte[] bytes)
    {
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return JsonValues.Null;
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

using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Diagnostics;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The one HTTP core every sub-client goes through: it builds the URL, applies headers (defaults, then the method's,
/// then the caller's), sends it through the <see cref="RetryHandler"/> in front of its transport, enforces the timeout,
/// maps errors to exceptions and reads JSON or SSE responses.
/// </summary>
internal sealed partial class LangGraphHttpCore : IDisposable
{
    private const int MaxErrorBodyChars = 64 * 1024;

    // Enough bytes for MaxErrorBodyChars characters at three UTF-8 bytes each, and a margin so that a secret cut at the
    // end of what is read lies past the characters kept. The rest of an error body is never read.
    private const int MaxErrorBodyBytes = (3 * MaxErrorBodyChars) + 4096;

    // The transport, with the RetryHandler in front: IHttpClientFactory's HttpClient, or an HttpMessageInvoker over the
    // client's own SocketsHttpHandler or a caller's HttpClient. An invoker, not an HttpClient, for the client's own: an
    // HttpClient links a CancellationTokenSource to every cancellable call (for its Timeout and CancelPendingRequests,
    // neither of which the core uses: it has its own timeout), which costs an allocation and a registration per call.
    private readonly HttpMessageInvoker _invoker;
    private readonly bool _ownsInvoker;
    private readonly string _baseUrl;
    private readonly KeyValuePair<string, string>[] _defaultHeaders;
    private readonly CredentialRedactor _redactor;
    private readonly TimeSpan _timeout;
    private readonly bool _retriesEnabled;
    private readonly TimeProvider _timeProvider;
    private readonly LangGraphRetryOptions _retryOptions;
    private readonly int _maxStreamEventSize;

    /// <summary>Creates the core of a client.</summary>
    /// <param name="options">The settings; copied and validated.</param>
    /// <param name="httpClient">
    /// The caller's client, or null for one of the core's own. A caller's client is reached through an
    /// <see cref="HttpClientForwarder"/> behind the core's <see cref="RetryHandler"/>, and never disposed.
    /// </param>
    /// <param name="timeProvider">The clock of every delay; the system's when null.</param>
    /// <param name="getEnvironmentVariable">Reads the environment (the API key variables).</param>
    /// <param name="hasRetryHandler">
    /// True when <paramref name="httpClient"/> is <c>IHttpClientFactory</c>'s, whose handler chain already holds the
    /// <see cref="RetryHandler"/> (<c>AddLangGraphClient</c> adds it): it is then used as it is.
    /// </param>
    public LangGraphHttpCore(
        LangGraphClientOptions options,
        HttpClient? httpClient,
        TimeProvider? timeProvider = null,
        Func<string, string?>? getEnvironmentVariable = null,
        bool hasRetryHandler = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;

        _ownsInvoker = httpClient is null || !hasRetryHandler;
        _invoker = httpClient is null
            ? new HttpMessageInvoker(new RetryHandler(options, _timeProvider, CreateHandler()))
            : hasRetryHandler ? httpClient
            : new HttpMessageInvoker(new RetryHandler(options, _timeProvider, new HttpClientForwarder(httpClient)));

        ApiUrl = options.ApiUrl;
        _baseUrl = options.ApiUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _timeout = options.Timeout;
        _retriesEnabled = options.Retry.Enabled && options.Retry.MaxRetryAttempts > 0;
        UserJsonOptions = LangGraphJsonUtilities.Prepare(options.JsonSerializerOptions);
        _retryOptions = options.Retry;
        _maxStreamEventSize = options.MaxStreamEventSize;

        var headers = new List<KeyValuePair<string, string>>
        {
            new("User-Agent", string.IsNullOrWhiteSpace(options.UserAgent) ? DefaultUserAgent : $"{DefaultUserAgent} {options.UserAgent.Trim()}"),
        };
        foreach (var header in options.DefaultHeaders)
        {
            headers.RemoveAll(h => string.Equals(h.Key, header.Key, StringComparison.OrdinalIgnoreCase));
            headers.Add(header);
        }

        var apiKey = ApiKeyResolver.Resolve(options, getEnvironmentVariable ?? Environment.GetEnvironmentVariable);
        if (!string.IsNullOrEmpty(apiKey))
        {
            headers.Add(new(HeaderDictionary.ApiKeyHeader, apiKey));
        }

        _defaultHeaders = [.. headers];
        _redactor = new CredentialRedactor().AddSecret(apiKey).AddHeaders(headers);
    }

    /// <summary>Gets the User-Agent sent when none is configured: <c>langgraph-sdk-dotnet/&lt;version&gt;</c>.</summary>
    public static string DefaultUserAgent { get; } = "langgraph-sdk-dotnet/" + SdkVersion;

    /// <summary>Gets the SDK version (informational version without the source revision).</summary>
    public static string SdkVersion
    {
        get
        {
            var version = typeof(LangGraphHttpCore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }

    public Uri ApiUrl { get; }

    /// <summary>
    /// The transport of a client-owned HttpClient (and of the one registered for dependency injection). MaxResponseDrainSize
    /// 0: a stream the caller stops reading closes its connection at once instead of being drained in the background (up
    /// to 2 s), so the server sees the disconnect without delay. AllowAutoRedirect false: a redirect would carry the API
    /// key, cookies and the run body to wherever it points.
    /// </summary>
    internal static SocketsHttpHandler CreateHandler() =>
        new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxResponseDrainSize = 0, AllowAutoRedirect = false };

    /// <summary>Whether two URLs share scheme, host and port.</summary>
    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    /// <summary>Gets the retry settings: the backoff every retry, reconnect and resume waits, and their limits.</summary>
    internal LangGraphRetryOptions RetryOptions => _retryOptions;

    /// <summary>Gets the clock every delay is measured with.</summary>
    internal TimeProvider TimeProvider => _timeProvider;

    /// <summary>Gets the serializer options for user payloads.</summary>
    public JsonSerializerOptions UserJsonOptions { get; }

    /// <summary>Gets the headers sent on every request (User-Agent, default headers, API key).</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> DefaultHeaders => _defaultHeaders;

    /// <summary>The redactor of a call: the client's credentials and the call's own sensitive headers.</summary>
    internal CredentialRedactor RedactorFor(LangGraphRequestOptions? options) => _redactor.With(options?.Headers);

    /// <summary>Sends the request and reads a JSON body of type <typeparamref name="T"/>; an empty body is an error.</summary>
    public Task<T> SendAsync<T>(LangGraphRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken) =>
        SendWithTimeoutAsync(
            request,
            (core: this, request, responseType),
            static (response, body, state) =>
            {
                // HasValue, not a null check: for a value type (a count) an empty body would otherwise read as default(T) = 0.
                var (hasValue, result) = state.core.ReadJson(state.request, response, body, state.responseType);
                return hasValue && result is not null
                    ? result
                    : throw new LangGraphException($"The server sent an empty response to {state.core.Describe(state.request)}, where {typeof(T).Name} was expected.");
            },
            cancellationToken);

    /// <summary>
    /// Sends the request and reads an optional JSON body: <c>HasValue</c> is false for 202, 204, an empty body or a JSON
    /// null. Also returns the value of the response header <paramref name="responseHeader"/> when one is named and sent.
    /// </summary>
    public Task<(bool HasValue, T? Value, string? Header)> SendOptionalAsync<T>(
        LangGraphRequest request, JsonTypeInfo<T> responseType, string? responseHeader, CancellationToken cancellationToken) =>
        SendWithTimeoutAsync(
            request,
            (core: this, request, responseType, responseHeader),
            static (response, body, state) =>
            {
                var (hasValue, value) = state.core.ReadJson(state.request, response, body, state.responseType);
                var header = state.responseHeader is { } name && response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
                return (hasValue && value is not null, value, header);
            },
            cancellationToken);

    /// <summary>Sends the request and discards the response body.</summary>
    public Task SendAsync(LangGraphRequest request, CancellationToken cancellationToken) =>
        SendWithTimeoutAsync(request, state: false, static (_, _, _) => true, cancellationToken);

    public void Dispose()
    {
        if (_ownsInvoker)
        {
            _invoker.Dispose();
        }
    }

    internal string Describe(LangGraphRequest request) => $"{request.Method.Method} {BuildUrl(request)}";

    /// <summary>
    /// Checks the caller's per-call headers once per call, before any attempt (default headers were checked when the
    /// client was built): an invalid name would otherwise give a FormatException, and a value with CR/LF would be sent
    /// as extra header lines (header injection).
    /// </summary>
    private static void ValidatePerCallHeaders(LangGraphRequest request)
    {
        if (request.Options?.Headers is not { Count: > 0 } headers)
        {
            return;
        }

        foreach (var (name, value) in headers)
        {
            if (!HeaderDictionary.IsValidName(name))
            {
                throw new ArgumentException($"'{name}' is not a valid HTTP header name.");
            }

            if (!HeaderDictionary.IsValidValue(value))
            {
                throw new ArgumentException($"The value of the header '{name}' must be non-null and must not contain line breaks.");
            }
        }
    }

    /// <summary>
    /// Sends the request within <see cref="LangGraphClientOptions.Timeout"/> and reads its successful response, whose
    /// body the retry handler has read whole into a pooled buffer, with <paramref name="read"/>: a static function of
    /// <paramref name="state"/>, so that a call allocates no closure. The buffer goes back to the pool when it returns.
    /// </summary>
    private async Task<T> SendWithTimeoutAsync<TState, T>(LangGraphRequest request, TState state, BodyReader<TState, T> read, CancellationToken cancellationToken)
    {
        // The operation's one span and duration: retries run inside it (RetryHandler), each as a span event.
        var activity = Telemetry.StartOperation(request, ApiUrl);
        var started = _timeProvider.GetTimestamp();
        Exception? failure = null;
        using var timeout = _timeout == Timeout.InfiniteTimeSpan ? default : OperationTimeout.Start(_timeout, cancellationToken);
        var token = timeout.Token(cancellationToken);
        try
        {
            // The body is read inside the retry handler: an idempotent request whose body is cut is sent again.
            using var message = CreateMessage(request, RequestAttempts.RetriedBuffered);
            HttpResponseMessage sent;
            try
            {
                sent = await TransportAsync(message, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (SendFailure(message, ex, token) is { } sendFailure)
            {
                throw sendFailure;
            }

            using var response = sent;
            Telemetry.OnResponse(activity, request, response);
            await ThrowIfErrorAsync(request, response, token).ConfigureAwait(false);
            if (!message.HasResponseBody && (int)response.StatusCode is not (202 or 204))
            {
                // The message went through no retry handler of this client (a handler chain without it): read it here.
                await message.ReadResponseBodyAsync(response.Content, token).ConfigureAwait(false);
            }

            return read(response, message.ResponseBody, state);
        }
        catch (OperationCanceledException ex) when (timeout.HasElapsed && !cancellationToken.IsCancellationRequested)
        {
            failure = new LangGraphException(
                $"{Describe(request)} did not complete within the timeout of {_timeout.TotalSeconds:0.###} s (LangGraphClientOptions.Timeout).",
                new TimeoutException("The LangGraph client timeout elapsed.", ex));
            throw failure;
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

    /// <summary>
    /// Sends the request through the transport and its <see cref="RetryHandler"/>, up to the response headers (and, for
    /// <see cref="RequestAttempts.RetriedBuffered"/>, the whole body of a success), and maps a failed connection to a
    /// <see cref="LangGraphException"/> that says whether the server may have processed the request. A single attempt
    /// (<see cref="RequestAttempts.Once"/>, a resume) gets the transport's exception as it is.
    /// </summary>
    private async ValueTask<HttpResponseMessage> SendAsync(LangGraphRequest request, RequestAttempts attempts, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(request, attempts);
        return await SendMessageAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The message of a request, its per-call headers checked.</summary>
    private LangGraphRequestMessage CreateMessage(LangGraphRequest request, RequestAttempts attempts)
    {
        ValidatePerCallHeaders(request);
        return new LangGraphRequestMessage(request, new Uri(BuildUrl(request)), _defaultHeaders, attempts);
    }

    /// <inheritdoc cref="SendAsync(LangGraphRequest, RequestAttempts, CancellationToken)"/>
    private async ValueTask<HttpResponseMessage> SendMessageAsync(LangGraphRequestMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await TransportAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (SendFailure(message, ex, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Sends a message through the transport and its retry handler, up to the response headers.</summary>
    private Task<HttpResponseMessage> TransportAsync(LangGraphRequestMessage message, CancellationToken cancellationToken) =>
        _invoker is HttpClient client
            ? client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : _invoker.SendAsync(message, cancellationToken);

    /// <summary>
    /// The <see cref="LangGraphException"/> of a failed send (<see cref="TransportAsync"/>): a lost connection, saying whether
    /// the server may have processed the request; null for any other exception, and for a single attempt
    /// (<see cref="RequestAttempts.Once"/>, a resume), whose caller gets the transport's exception as it is.
    /// </summary>
    private LangGraphException? SendFailure(LangGraphRequestMessage message, Exception ex, CancellationToken cancellationToken)
    {
        var request = message.Request;
        if (message.Attempts == RequestAttempts.Once)
        {
            return null;
        }

        var idempotent = RetryPipeline.IsIdempotent(request.Method);
        if (ex is ResponseBodyLostException lost)
        {
            var after = _retriesEnabled && idempotent ? " after retries" : string.Empty;
            return new LangGraphException(
                $"The connection was lost while reading the response to {Describe(request)}{after}: the server received the request{RunCreated(lost.Run)}: {_redactor.Redact(ex.Message)}", ex);
        }

        if (ex is not (HttpRequestException or IOException) || cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (ex is HttpRequestException http && RetryPipeline.IsConnectFailure(http))
        {
            var retried = _retriesEnabled ? " after retries" : string.Empty;
            return new LangGraphException(
                $"Could not reach the LangGraph server at {_baseUrl}: {Describe(request)} failed{retried}: {_redactor.Redact(ex.Message)}", ex);
        }

        // The request was sent and the connection was lost before the answer: the server may have processed it.
        var lostAfter = _retriesEnabled && idempotent ? " after retries" : string.Empty;
        var warning = idempotent ? string.Empty : "; do not simply send it again: that could, for example, start a second run";
        return new LangGraphException(
            $"The connection to the LangGraph server at {_baseUrl} was lost before the answer to {Describe(request)}{lostAfter}: " +
            $"the request may have reached the server and been processed{warning}: {_redactor.Redact(ex.Message)}", ex);
    }

    private static string RunCreated(RunLocation? run) =>
        run is null ? string.Empty : run.ThreadId is null ? $" and created run {run.RunId}" : $" and created run {run.RunId} on thread {run.ThreadId}";

    private string BuildUrl(LangGraphRequest request)
    {
        if (request.AbsoluteUrl is { } absolute)
        {
            return absolute.AbsoluteUri;
        }

        var extra = request.Options?.QueryParams;
        if (extra is not { Count: > 0 } && request.Query is not { Count: > 0 })
        {
            return string.Concat(_baseUrl, request.Path);
        }

        var builder = new StringBuilder(_baseUrl.Length + request.Path.Length + 32).Append(_baseUrl).Append(request.Path);
        if (extra is { Count: > 0 })
        {
            var query = new QueryBuilder();
            if (request.Query is { } own)
            {
                own.CopyTo(query);
            }

            query.AddAll(extra).AppendTo(builder);
        }
        else
        {
            request.Query?.AppendTo(builder);
        }

        return builder.ToString();
    }

    private async Task ThrowIfErrorAsync(LangGraphRequest request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var redactor = _redactor.With(request.Options?.Headers);
        var requestId = response.Headers.TryGetValues("x-request-id", out var values) ? string.Join(",", values) : null;
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            // Redirects are never followed: the API key, cookies and a run's body must not go to wherever they point.
            var target = response.Headers.Location is { } location ? new Uri(new Uri(BuildUrl(request)), location) : null;
            throw ApiExceptionFactory.Redirect((int)response.StatusCode, response.ReasonPhrase, request.Method.Method, BuildUrl(request), target, ApiUrl, requestId, redactor);
        }

        string? body = null;
        try
        {
            body = await ReadErrorBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (body.Length > MaxErrorBodyChars)
            {
                // Redact before cutting: a secret straddling the cut would otherwise leak its first half.
                body = redactor.Redact(body);
                body = body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The status is what matters; a body we cannot read is reported as missing.
        }

        throw ApiExceptionFactory.Create(
            (int)response.StatusCode, response.ReasonPhrase, request.Method.Method, BuildUrl(request), body, requestId, redactor);
    }

    /// <summary>Reads at most <see cref="MaxErrorBodyBytes"/> of an error body, as text in its charset (UTF-8 by default).</summary>
    private static async Task<string> ReadErrorBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Min(content.Headers.ContentLength ?? MaxErrorBodyBytes, MaxErrorBodyBytes);
        var buffer = new byte[limit];
        var filled = 0;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }
        }

        var encoding = Encoding.UTF8;
        if (content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read the body as UTF-8.
            }
        }

        return encoding.GetString(buffer, 0, filled);
    }

    /// <summary>Parses a successful response's body, already read whole, with the source-generated type: one pass, no copy.</summary>
    private (bool HasValue, T? Value) ReadJson<T>(LangGraphRequest request, HttpResponseMessage response, ReadOnlySpan<byte> body, JsonTypeInfo<T> type)
    {
        if ((int)response.StatusCode is 202 or 204 || body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (false, default);
        }

        try
        {
            return ElementModels.TryReadBody(body, out T? value) ? (true, value) : (true, JsonSerializer.Deserialize(body, type));
        }
        catch (JsonException ex)
        {
            var redactor = _redactor.With(request.Options?.Headers);
            throw new LangGraphException(
                $"The response to {Describe(request)} is not valid JSON for {typeof(T).Name}: {redactor.Redact(ex.Message)} Body starts with: {Preview(body, redactor)}", ex);
        }
    }

    /// <summary>The start of a body for a message: redacted before it is cut, so that no part of a secret survives the cut.</summary>
    private static string Preview(ReadOnlySpan<byte> bytes, CredentialRedactor redactor)
    {
        var text = redactor.Redact(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, MaxErrorBodyChars)]));
        return text.Length <= 200 && bytes.Length <= MaxErrorBodyChars ? text : string.Concat(text.AsSpan(0, Math.Min(text.Length, 200)), "…");
    }

    /// <summary>Reads a successful response from its body, read whole: <paramref name="body"/> is valid only during the call.</summary>
    private delegate T BodyReader<in TState, out T>(HttpResponseMessage response, ReadOnlySpan<byte> body, TState state);
}

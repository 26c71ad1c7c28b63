using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Streaming;
using Polly;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The one HTTP core every sub-client goes through: it builds the URL, applies headers (defaults, then the method's,
/// then the caller's), runs the Polly retry pipeline, enforces the timeout, maps errors to exceptions and reads
/// JSON or SSE responses.
/// </summary>
internal sealed partial class LangGraphHttpCore : IDisposable
{
    private const int MaxErrorBodyChars = 64 * 1024;

    // Enough bytes for MaxErrorBodyChars characters at three UTF-8 bytes each, and a margin so that a secret cut at the
    // end of what is read lies past the characters kept. The rest of an error body is never read.
    private const int MaxErrorBodyBytes = (3 * MaxErrorBodyChars) + 4096;

    private static readonly string[] ContentHeaderNames =
    [
        "Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5",
        "Content-Range", "Content-Disposition", "Expires", "Last-Modified", "Allow",
    ];

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly string _baseUrl;
    private readonly KeyValuePair<string, string>[] _defaultHeaders;
    private readonly CredentialRedactor _redactor;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _timeout;
    private readonly bool _retriesEnabled;
    private readonly TimeProvider _timeProvider;
    private readonly LangGraphRetryOptions _retryOptions;
    private readonly int _maxStreamEventSize;

    public LangGraphHttpCore(LangGraphClientOptions options, HttpClient? httpClient, TimeProvider? timeProvider = null, Func<string, string?>? getEnvironmentVariable = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options = options.Clone();
        options.Validate();

        _ownsHttpClient = httpClient is null;
        // MaxResponseDrainSize 0: a stream the caller stops reading closes its connection at once instead of being
        // drained in the background (up to 2 s), so the server sees the disconnect without delay. AllowAutoRedirect
        // false: a redirect would carry the API key, cookies and the run body to wherever it points.
        _httpClient = httpClient ?? new HttpClient(CreateHandler())
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        ApiUrl = options.ApiUrl;
        _baseUrl = options.ApiUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        _timeout = options.Timeout;
        _retriesEnabled = options.Retry.Enabled && options.Retry.MaxRetryAttempts > 0;
        UserJsonOptions = LangGraphJsonUtilities.Prepare(options.JsonSerializerOptions);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _retryOptions = options.Retry;
        _maxStreamEventSize = options.MaxStreamEventSize;
        _pipeline = RetryPipeline.Create(options.Retry, _timeProvider);

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

    /// <summary>The handler of a client-owned HttpClient (and of the one registered for dependency injection): it follows no redirects.</summary>
    internal static SocketsHttpHandler CreateHandler() =>
        new() { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxResponseDrainSize = 0, AllowAutoRedirect = false };

    /// <summary>Whether two URLs share scheme, host and port.</summary>
    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    private static string Origin(Uri url) => url.GetLeftPart(UriPartial.Authority);

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
    public async Task<T> SendAsync<T>(LangGraphRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        // HasValue, not a null check: for a value type (a count) an empty body would otherwise read as default(T) = 0.
        var (hasValue, result) = await SendWithTimeoutAsync(request, (response, token) => ReadJsonAsync(request, response, responseType, token), cancellationToken).ConfigureAwait(false);
        return hasValue && result is not null
            ? result
            : throw new LangGraphException($"The server sent an empty response to {Describe(request)}, where {typeof(T).Name} was expected.");
    }

    /// <summary>
    /// Sends the request and reads an optional JSON body: <c>HasValue</c> is false for 202, 204, an empty body or a JSON
    /// null. Also returns the value of the response header <paramref name="responseHeader"/> when one is named and sent.
    /// </summary>
    public Task<(bool HasValue, T? Value, string? Header)> SendOptionalAsync<T>(
        LangGraphRequest request, JsonTypeInfo<T> responseType, string? responseHeader, CancellationToken cancellationToken) =>
        SendWithTimeoutAsync(
            request,
            async (response, token) =>
            {
                var (hasValue, value) = await ReadJsonAsync(request, response, responseType, token).ConfigureAwait(false);
                var header = responseHeader is not null && response.Headers.TryGetValues(responseHeader, out var values) ? string.Join(",", values) : null;
                return (hasValue && value is not null, value, header);
            },
            cancellationToken);

    /// <summary>Sends the request and discards the response body.</summary>
    public Task SendAsync(LangGraphRequest request, CancellationToken cancellationToken) =>
        SendWithTimeoutAsync(request, static (_, _) => Task.FromResult(true), cancellationToken);

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    internal string Describe(LangGraphRequest request) => $"{request.Method.Method} {BuildUrl(request)}";

    private static bool IsContentHeader(string name) =>
        Array.Exists(ContentHeaderNames, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

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

    private static void SetHeader(HttpRequestMessage message, string name, string value)
    {
        if (IsContentHeader(name))
        {
            if (message.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }

            return;
        }

        message.Headers.Remove(name);
        if (!message.Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"The header '{name}' cannot be set on a request.");
        }
    }

    private async Task<T> SendWithTimeoutAsync<T>(LangGraphRequest request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        using var timeoutSource = _timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource?.CancelAfter(_timeout);
        var token = timeoutSource?.Token ?? cancellationToken;
        try
        {
            // The body is read inside the retry pipeline: an idempotent request whose body is cut is sent again.
            using var response = await SendWithRetriesAsync(request, token, bufferBody: true).ConfigureAwait(false);
            await ThrowIfErrorAsync(request, response, token).ConfigureAwait(false);
            return await read(response, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeoutSource is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw new LangGraphException(
                $"{Describe(request)} did not complete within the timeout of {_timeout.TotalSeconds:0.###} s (LangGraphClientOptions.Timeout).",
                new TimeoutException("The LangGraph client timeout elapsed.", ex));
        }
    }

    /// <summary>
    /// Sends the request through the retry pipeline. With <paramref name="bufferBody"/> a successful response's body is
    /// read whole inside the pipeline, so that a body cut mid-read is retried like a lost connection (idempotent
    /// requests only, within the same budget).
    /// </summary>
    private async Task<HttpResponseMessage> SendWithRetriesAsync(LangGraphRequest request, CancellationToken cancellationToken, bool bufferBody = false)
    {
        ValidatePerCallHeaders(request);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        var idempotent = RetryPipeline.IsIdempotent(request.Method);
        context.Properties.Set(RetryPipeline.IdempotentKey, idempotent);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.core.SendOnceAsync(state.request, state.bufferBody, ctx.CancellationToken),
                context,
                (core: this, request, bufferBody)).ConfigureAwait(false);
        }
        catch (ResponseBodyLostException ex)
        {
            var after = _retriesEnabled && idempotent ? " after retries" : string.Empty;
            throw new LangGraphException(
                $"The connection was lost while reading the response to {Describe(request)}{after}: the server received the request{RunCreated(ex.Run)}: {_redactor.Redact(ex.Message)}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            if (ex is HttpRequestException http && RetryPipeline.IsConnectFailure(http))
            {
                var retried = _retriesEnabled ? " after retries" : string.Empty;
                throw new LangGraphException(
                    $"Could not reach the LangGraph server at {_baseUrl}: {Describe(request)} failed{retried}: {_redactor.Redact(ex.Message)}", ex);
            }

            // The request was sent and the connection was lost before the answer: the server may have processed it.
            var after = _retriesEnabled && idempotent ? " after retries" : string.Empty;
            var warning = idempotent ? string.Empty : "; do not simply send it again: that could, for example, start a second run";
            throw new LangGraphException(
                $"The connection to the LangGraph server at {_baseUrl} was lost before the answer to {Describe(request)}{after}: " +
                $"the request may have reached the server and been processed{warning}: {_redactor.Redact(ex.Message)}", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static string RunCreated(RunLocation? run) =>
        run is null ? string.Empty : run.ThreadId is null ? $" and created run {run.RunId}" : $" and created run {run.RunId} on thread {run.ThreadId}";

    private async ValueTask<HttpResponseMessage> SendOnceAsync(LangGraphRequest request, bool bufferBody, CancellationToken cancellationToken)
    {
        var response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        if (!bufferBody || !response.IsSuccessStatusCode)
        {
            return response;
        }

        try
        {
#if NET9_0_OR_GREATER
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
#else
            _ = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#endif
            return response;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            var run = RunLocation.Parse(ContentLocation(response));
            response.Dispose();
            throw new ResponseBodyLostException(run, ex);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(LangGraphRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, BuildUrl(request));
        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        foreach (var (name, value) in _defaultHeaders)
        {
            SetHeader(message, name, value);
        }

        if (request.MethodHeaders is { } methodHeaders)
        {
            foreach (var (name, value) in methodHeaders)
            {
                SetHeader(message, name, value);
            }
        }

        if (request.Options?.Headers is { Count: > 0 } perCall)
        {
            foreach (var (name, value) in perCall)
            {
                SetHeader(message, name, value);
            }
        }

        var sentTo = message.RequestUri!;
        var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.RequestMessage?.RequestUri is { } answeredBy && !SameOrigin(answeredBy, sentTo))
        {
            // A caller-supplied HttpClient followed a redirect to another origin: refuse its answer.
            response.Dispose();
            throw new LangGraphException(
                $"{request.Method.Method} {Origin(sentTo)}{sentTo.AbsolutePath} was redirected to another origin, {Origin(answeredBy)}, and the HttpClient followed it " +
                $"(the API is at {Origin(ApiUrl)}). Its answer is refused; give the LangGraph client an HttpClient whose handler has AllowAutoRedirect = false, so that no credential can follow a redirect.");
        }

        return response;
    }

    private string BuildUrl(LangGraphRequest request)
    {
        if (request.AbsoluteUrl is { } absolute)
        {
            return absolute.AbsoluteUri;
        }

        var builder = new StringBuilder(_baseUrl.Length + request.Path.Length + 32).Append(_baseUrl).Append(request.Path);
        var extra = request.Options?.QueryParams;
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

    private async Task<(bool HasValue, T? Value)> ReadJsonAsync<T>(LangGraphRequest request, HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode is 202 or 204)
        {
            return (false, default);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return (false, default);
        }

        try
        {
            return (true, JsonSerializer.Deserialize(bytes, type));
        }
        catch (JsonException ex)
        {
            var redactor = _redactor.With(request.Options?.Headers);
            throw new LangGraphException(
                $"The response to {Describe(request)} is not valid JSON for {typeof(T).Name}: {redactor.Redact(ex.Message)} Body starts with: {Preview(bytes, redactor)}", ex);
        }
    }

    /// <summary>The start of a body for a message: redacted before it is cut, so that no part of a secret survives the cut.</summary>
    private static string Preview(byte[] bytes, CredentialRedactor redactor)
    {
        var text = redactor.Redact(Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, MaxErrorBodyChars)));
        return text.Length <= 200 && bytes.Length <= MaxErrorBodyChars ? text : string.Concat(text.AsSpan(0, Math.Min(text.Length, 200)), "…");
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The HTTP message of one <see cref="LangGraphRequest"/>: content, then the client's default headers, the method's and
/// the caller's, in that order. It can build itself again, so that <see cref="RetryHandler"/> sends a fresh message on
/// every attempt: an <see cref="HttpRequestMessage"/> may be sent only once through an <see cref="HttpClient"/>, and a
/// handler that follows redirects changes its <see cref="HttpRequestMessage.RequestUri"/>.
/// </summary>
internal sealed class LangGraphRequestMessage : HttpRequestMessage
{
    // A Content-Length up to this size sizes the body's buffer at once; a longer body grows it as it comes.
    private const long MaxPresizedBody = 16 * 1024 * 1024;

    private static readonly string[] ContentHeaderNames =
    [
        "Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Location", "Content-MD5",
        "Content-Range", "Content-Disposition", "Expires", "Last-Modified", "Allow",
    ];

    private readonly KeyValuePair<string, string>[] _defaultHeaders;
    private bool _claimed;
    private int _attempts;
    private byte[]? _responseBody;
    private int _responseLength;

    public LangGraphRequestMessage(LangGraphRequest request, Uri url, KeyValuePair<string, string>[] defaultHeaders, RequestAttempts attempts)
        : base(request.Method, url)
    {
        Request = request;
        Url = url;
        Attempts = attempts;
        _defaultHeaders = defaultHeaders;
        if (request.Body is { } body)
        {
            Content = new ByteArrayContent(body);
            // Unparsed: the value is written as it is, and parsed only if something reads ContentType.
            Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        foreach (var (name, value) in defaultHeaders)
        {
            SetHeader(name, value);
        }

        if (request.MethodHeaders is { } methodHeaders)
        {
            foreach (var (name, value) in methodHeaders)
            {
                SetHeader(name, value);
            }
        }

        if (request.Options?.Headers is { Count: > 0 } perCall)
        {
            foreach (var (name, value) in perCall)
            {
                SetHeader(name, value);
            }
        }
    }

    /// <summary>Gets the call this message sends.</summary>
    public LangGraphRequest Request { get; }

    /// <summary>Gets the URL every attempt goes to (a redirect-following handler may change <see cref="HttpRequestMessage.RequestUri"/>).</summary>
    public Uri Url { get; }

    /// <summary>Gets how the retry handler sends the message.</summary>
    public RequestAttempts Attempts { get; }

    /// <summary>Gets whether <see cref="ReadResponseBodyAsync"/> has read a successful response's body.</summary>
    public bool HasResponseBody => _responseBody is not null;

    /// <summary>Gets the body read by <see cref="ReadResponseBodyAsync"/>: valid until the message is disposed.</summary>
    public ReadOnlySpan<byte> ResponseBody => _responseBody.AsSpan(0, _responseLength);

    /// <summary>
    /// Reads a response's whole body into a buffer from the shared pool, held by this message (the one the HTTP core
    /// sends and disposes, whichever attempt answered) until it is disposed: the JSON is then parsed from that buffer,
    /// with no other copy of the body. A body whose connection is lost mid-read throws, and leaves nothing held.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask ReadResponseBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        ReturnResponseBody();
        // A byte more than Content-Length, so that the read that finds the end (and a connection lost there) needs no larger buffer.
        var expected = content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(expected is >= 0 and < MaxPresizedBody ? (int)expected.Value + 1 : 4096);
        var filled = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (filled == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                        buffer.AsSpan(0, filled).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    filled += read;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        _responseBody = buffer;
        _responseLength = filled;
    }

    /// <summary>
    /// Claims the message for a retry handler. False when another one already did, so that a handler chain that holds
    /// the handler twice (the registered client passed back in as a caller's) still retries once.
    /// </summary>
    public bool Claim()
    {
        if (_claimed)
        {
            return false;
        }

        _claimed = true;
        return true;
    }

    /// <summary>
    /// The message of the next attempt: this one first, then a new one built from the same request. A message holds
    /// nothing to release (its content is a byte array), so an attempt's message is left to the collector, as its
    /// response keeps it as <see cref="HttpResponseMessage.RequestMessage"/>.
    /// </summary>
    public LangGraphRequestMessage NextAttempt() =>
        _attempts++ == 0 ? this : new LangGraphRequestMessage(Request, Url, _defaultHeaders, Attempts) { _claimed = true };

    /// <summary>Returns the response body's buffer to the pool.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReturnResponseBody();
        }

        base.Dispose(disposing);
    }

    private static bool IsContentHeader(string name)
    {
        foreach (var header in ContentHeaderNames)
        {
            if (string.Equals(header, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void ReturnResponseBody()
    {
        if (_responseBody is { } buffer)
        {
            _responseBody = null;
            _responseLength = 0;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void SetHeader(string name, string value)
    {
        if (IsContentHeader(name))
        {
            if (Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }

            return;
        }

        Headers.Remove(name);
        if (!Headers.TryAddWithoutValidation(name, value))
        {
            throw new ArgumentException($"The header '{name}' cannot be set on a request.");
        }
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>
/// The one HTTP stub of the tests. It records every attempt exactly as HttpClient puts it on the wire (method, escaped
/// URL, every header, the body) and counts them. With steps, it plays them in order (the last repeats): a step answers
/// (JSON, a status, an event stream that ends cleanly, mid-line, or drops like a reset connection) or throws, which
/// fails a connection deterministically. Without steps, it forwards to its inner handler: to the network
/// (<see cref="Recording"/>, for WireMock tests that check the escaped path) or down an <c>IHttpClientFactory</c> chain.
/// </summary>
public sealed class StubHttpHandler : DelegatingHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage>[] _steps;
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private int _calls;

    public StubHttpHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) => _steps = steps;

    /// <summary>Runs on every request before it is answered or forwarded (to add a header, for example).</summary>
    public Action<HttpRequestMessage>? OnSend { get; init; }

    /// <summary>How many requests were attempted.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Every attempt, in order.</summary>
    public IReadOnlyList<SeenRequest> Seen => _seen.ToList();

    /// <summary>A handler that forwards to the network and records what it sent.</summary>
    public static StubHttpHandler Recording() => new() { InnerHandler = new SocketsHttpHandler() };

    /// <summary>An empty response with <paramref name="status"/>.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Status(HttpStatusCode status) =>
        _ => new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };

    /// <summary>A step that throws <paramref name="exception"/> instead of answering.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Throw(Exception exception) => _ => throw exception;

    /// <summary>A step that fails as a refused connection does.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> ConnectionRefused() =>
        Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused"));

    /// <summary>An event-stream response with <paramref name="sse"/> as its body; with <paramref name="dropAfter"/> the body then fails as a reset connection does.</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Sse(string sse, bool dropAfter = false, string? location = null, string? contentLocation = null, string contentType = "text/event-stream") =>
        _ =>
        {
            var bytes = Encoding.UTF8.GetBytes(sse);
            var content = new StreamContent(dropAfter ? new DroppingStream(bytes) : new MemoryStream(bytes));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            if (location is not null)
            {
                response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            }

            if (contentLocation is not null)
            {
                content.Headers.ContentLocation = new Uri(contentLocation, UriKind.RelativeOrAbsolute);
            }

            return response;
        };

    /// <summary>A JSON response (for a run status check, for example).</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        _ => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>A body that fails after its bytes (for long polls).</summary>
    public static Func<HttpRequestMessage, HttpResponseMessage> DroppingBody(string text, string? location = null, string? contentLocation = null) =>
        _ =>
        {
            var content = new StreamContent(new DroppingStream(Encoding.UTF8.GetBytes(text)));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            if (contentLocation is not null)
            {
                content.Headers.ContentLocation = new Uri(contentLocation, UriKind.RelativeOrAbsolute);
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
            if (location is not null)
            {
                response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
            }

            return response;
        };

    public static string RunJson(string status) =>
        $"{{\"run_id\":\"r1\",\"thread_id\":\"t1\",\"assistant_id\":\"a\",\"status\":\"{status}\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"metadata\":{{}}}}";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        OnSend?.Invoke(request);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        string? body = null;
        if (request.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                headers[header.Key] = string.Join(",", header.Value);
            }

            body = await content.ReadAsStringAsync(cancellationToken);
        }

        _seen.Enqueue(new SeenRequest(request.Method.Method, request.RequestUri!, headers, body));
        var index = Interlocked.Increment(ref _calls) - 1;
        return _steps.Length == 0
            ? await base.SendAsync(request, cancellationToken)
            : _steps[Math.Min(index, _steps.Length - 1)](request);
    }

    /// <summary>Serves its bytes, then fails as a reset connection does.</summary>
    private sealed class DroppingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("Unable to read data from the transport connection: Connection reset by peer.");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

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

/// <summary>A request as the handler saw it: method, absolute URL, every header, and the body.</summary>
public sealed record SeenRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public string PathAndQuery => Url.PathAndQuery;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Plays a script of responses in order (the last repeats) and records every request with its headers and body.
/// Responses can be event streams that end cleanly, end mid-line, or drop like a reset connection.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage>[] _steps;
    private readonly ConcurrentQueue<SeenRequest> _seen = new();
    private int _calls;

    public ScriptedHandler(params Func<HttpRequestMessage, HttpResponseMessage>[] steps) => _steps = steps;

    public IReadOnlyList<SeenRequest> Seen => _seen.ToList();

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
        return _steps[Math.Min(index, _steps.Length - 1)](request);
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

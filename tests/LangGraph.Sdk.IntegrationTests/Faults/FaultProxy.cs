using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.IntegrationTests.Faults;

/// <summary>
/// A fault-injecting HTTP/1.1 proxy on raw sockets in front of the real server. It adds <c>Location</c> from
/// <c>Content-Location</c> to event streams as the hosted platform does, and applies each run's <see cref="FaultPlan"/>
/// (looked up by thread id): drops after N events (reset, FIN, half an event, clean end), failed reconnects, 5xx with
/// and without Retry-After, stalls, same- and cross-origin 307s, and credentials echoed into error bodies and SSE
/// error events. It counts requests per route, and a second listener (the "other origin") records whatever reaches it.
/// Connections are kept alive until a fault ends them, so a POST may come on a fresh or a reused (pooled) connection.
/// WebSocket upgrades are tunnelled as raw TCP (FaultProxy.WebSocket.cs).
/// </summary>
internal sealed partial class FaultProxy : IAsyncDisposable
{
    /// <summary>The path prefix of same-origin redirects; the proxy strips it before forwarding.</summary>
    private const string SameOriginAlias = "/__same";

    private readonly Uri _upstream;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly TcpListener _otherOrigin = new(IPAddress.Loopback, 0);
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, FaultPlan> _plans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _threadRoutes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RawHttpRequest> _otherOriginRequests = new();
    private readonly ConcurrentDictionary<Socket, bool> _ended = new();
    private readonly List<Task> _loops = [];
    private int _postsOnReusedConnections;

    public FaultProxy(Uri upstream)
    {
        _upstream = upstream;
        _listener.Start();
        _otherOrigin.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        OtherOriginUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_otherOrigin.LocalEndpoint).Port}");
        _loops.Add(AcceptLoopAsync(_listener, HandleAsync));
        _loops.Add(AcceptLoopAsync(_otherOrigin, HandleOtherOriginAsync));
    }

    public Uri Url { get; }

    public Uri OtherOriginUrl { get; }

    /// <summary>Requests that reached another origin (the other port, or <c>localhost</c> on the proxy's port).</summary>
    public IReadOnlyCollection<RawHttpRequest> OtherOriginRequests => _otherOriginRequests;

    /// <summary>Requests per route (ids replaced by <c>{id}</c>), for example <c>POST /threads/{id}/runs/stream</c>.</summary>
    public IReadOnlyDictionary<string, int> Routes => _routes;

    /// <summary>POSTs that came on a connection that had already served a request (a pooled, reused connection).</summary>
    public int PostsOnReusedConnections => Volatile.Read(ref _postsOnReusedConnections);

    public void Register(string threadId, FaultPlan plan) => _plans[threadId] = plan;

    /// <summary>How many requests of a route the proxy forwarded to the server for one thread.</summary>
    public int Forwarded(string threadId, string method, string route) =>
        _threadRoutes.TryGetValue($"{threadId} {method} {route}", out var n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _otherOrigin.Stop();
        await Task.WhenAll(_loops);
        _http.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    [GeneratedRegex("^/threads/([0-9a-f-]{36})(/.*)?$")]
    private static partial Regex ThreadPath();

    private async Task AcceptLoopAsync(TcpListener listener, Func<Socket, Task> handle)
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await listener.AcceptSocketAsync(_stop.Token);
                connections.Add(Task.Run(async () =>
                {
                    try
                    {
                        await handle(socket);
                    }
                    catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or HttpRequestException or ObjectDisposedException)
                    {
                        // The client went away or the proxy is stopping: nothing to answer.
                    }
                    finally
                    {
                        socket.Dispose();
                    }
                }));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped
        }

        await Task.WhenAll(connections);
    }

    private async Task HandleOtherOriginAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        if (await RawHttpRequest.ReadAsync(stream, _stop.Token) is { } request)
        {
            await AnswerAsOtherOriginAsync(stream, request);
        }
    }

    /// <summary>Another origin answers like a server would, so a client that follows it "succeeds": the leak is silent.</summary>
    private async Task AnswerAsOtherOriginAsync(Stream stream, RawHttpRequest request)
    {
        _otherOriginRequests.Enqueue(request);
        var body = "event: metadata\ndata: {\"run_id\":\"00000000-0000-0000-0000-000000000000\",\"attempt\":1}\nid: 0\n\n"u8.ToArray();
        await WriteHeadAsync(stream, 200, "OK", [new("Content-Type", "text/event-stream"), new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)), new("Connection", "close")]);
        await stream.WriteAsync(body, _stop.Token);
    }

    /// <summary>Serves requests on one connection (keep-alive) until a fault ends it or the client closes it.</summary>
    private async Task HandleAsync(Socket socket)
    {
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            for (var served = 0; !_ended.ContainsKey(socket); served++)
            {
                if (await RawHttpRequest.ReadAsync(stream, _stop.Token) is not { } request)
                {
                    return;
                }

                if (served > 0 && request.Method == "POST")
                {
                    Interlocked.Increment(ref _postsOnReusedConnections);
                }

                await HandleOneAsync(stream, socket, request);
            }
        }
        finally
        {
            _ended.TryRemove(socket, out _);
        }
    }

    private async Task HandleOneAsync(NetworkStream stream, Socket socket, RawHttpRequest request)
    {
        if (request.Header("Host") is { } host && host.StartsWith("localhost", StringComparison.OrdinalIgnoreCase))
        {
            await AnswerAsOtherOriginAsync(stream, request);
            End(socket);
            return;
        }

        var redirected = request.Target.StartsWith(SameOriginAlias, StringComparison.Ordinal);
        if (redirected)
        {
            request = request with { Target = request.Target[SameOriginAlias.Length..] };
        }

        var route = $"{request.Method} {Uuid().Replace(request.Path, "{id}")}";
        _routes.AddOrUpdate(route, 1, (_, n) => n + 1);
        var threadMatch = ThreadPath().Match(request.Path);
        var threadId = threadMatch.Success ? threadMatch.Groups[1].Value : null;
        var plan = threadId is not null && _plans.TryGetValue(threadId, out var p) ? p : null;
        var routeOnly = route[(request.Method.Length + 1)..];

        if (IsWebSocketUpgrade(request))
        {
            await TunnelWebSocketAsync(stream, socket, request, threadId, routeOnly);
            return;
        }

        if (plan is null)
        {
            await ForwardAsync(stream, socket, request, plan: null, new StreamFault.Pass(), threadId, routeOnly, echoError: false);
            return;
        }

        if (route == "POST /threads/{id}/runs/stream" && !redirected)
        {
            await HandleCreateAsync(stream, socket, request, plan, threadId!, routeOnly);
        }
        else if (route == "POST /threads/{id}/runs/stream")
        {
            await ForwardAsync(stream, socket, request, plan, plan.NextStreamFault(), threadId, routeOnly, echoError: false);
        }
        else if (route == "GET /threads/{id}/runs/{id}/stream")
        {
            var fault = plan.NextStreamFault();
            switch (fault)
            {
                case StreamFault.Refuse503 refuse:
                    await WriteStatusAsync(stream, 503, "Service Unavailable", "upstream busy", refuse.RetryAfter ? [new("Retry-After", "1")] : []);
                    return;
                case StreamFault.RefuseReset:
                    Reset(socket);
                    return;
                case StreamFault.Stall stall:
                    await Task.Delay(stall.Milliseconds, _stop.Token);
                    fault = stall.Then ?? new StreamFault.Pass();
                    break;
            }

            await ForwardAsync(stream, socket, request, plan, fault, threadId, routeOnly, echoError: false);
        }
        else if (route == "POST /threads/{id}/stream/events")
        {
            // A thread stream's event connection (and its reconnects with `since`): the plan's next stream fault applies.
            await ForwardAsync(stream, socket, request, plan, plan.NextStreamFault(), threadId, routeOnly, echoError: false);
        }
        else if (route == "GET /threads/{id}/runs/{id}" && plan.NextStatusFault() is { } statusFault)
        {
            if (statusFault < 0)
            {
                await WriteStatusAsync(stream, 503, "Service Unavailable", "status unavailable", statusFault == -2 ? [new("Retry-After", "1")] : []);
                return;
            }

            await Task.Delay(statusFault, _stop.Token);
            await ForwardAsync(stream, socket, request, plan, new StreamFault.Pass(), threadId, routeOnly, echoError: false);
        }
        else
        {
            await ForwardAsync(stream, socket, request, plan, new StreamFault.Pass(), threadId, routeOnly, echoError: false);
        }
    }

    private async Task HandleCreateAsync(NetworkStream stream, Socket socket, RawHttpRequest request, FaultPlan plan, string threadId, string route)
    {
        switch (plan.Post)
        {
            case PostFault.Stall:
                await Task.Delay(400, _stop.Token);
                break;
            case PostFault.Burst503:
                await WriteStatusAsync(stream, 503, "Service Unavailable", "try later", []);
                return;
            case PostFault.Burst503RetryAfter:
                await WriteStatusAsync(stream, 503, "Service Unavailable", "try later", [new("Retry-After", "1")]);
                return;
            case PostFault.ResetBeforeForward:
                Reset(socket);
                return;
            case PostFault.RedirectSameOrigin:
                await RedirectAsync(stream, new Uri(Url, SameOriginAlias + request.Target));
                return;
            case PostFault.RedirectOtherPort:
                await RedirectAsync(stream, new Uri(OtherOriginUrl, request.Target));
                return;
            case PostFault.RedirectLocalhost:
                await RedirectAsync(stream, new Uri($"http://localhost:{Url.Port}{request.Target}"));
                return;
            case PostFault.EchoCredentialsIn500:
                var body = Encoding.UTF8.GetBytes($"{{\"detail\":\"Invalid credentials: {EchoedCredentials(request)}\"}}");
                await WriteHeadAsync(stream, 500, "Internal Server Error", [new("Content-Type", "application/json"), new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))]);
                await stream.WriteAsync(body, _stop.Token);
                return;
        }

        await ForwardAsync(stream, socket, request, plan, plan.Post == PostFault.ResetAfterForward ? new StreamFault.RefuseReset() : plan.NextStreamFault(), threadId, route,
            echoError: plan.Post == PostFault.EchoCredentialsInErrorEvent);
    }

    /// <summary>The request's credentials as a JSON string body: raw, and with <c>+ / =</c> JSON-escaped.</summary>
    private static string EchoedCredentials(RawHttpRequest request)
    {
        static string Escaped(string value) => value.Replace("+", "\\u002B", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal).Replace("=", "\\u003D", StringComparison.Ordinal);
        var authorization = request.Header("Authorization") ?? string.Empty;
        var key = request.Header("x-api-key") ?? string.Empty;
        return $"Authorization={authorization} x-api-key={key} escaped-key={Escaped(key)} escaped-authorization={Escaped(authorization)}";
    }

    private async Task ForwardAsync(NetworkStream stream, Socket socket, RawHttpRequest request, FaultPlan? plan, StreamFault fault, string? threadId, string route, bool echoError)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream, request.Target));
        if (request.Body.Length > 0 || request.Method is "POST" or "PUT" or "PATCH")
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (threadId is not null)
        {
            _threadRoutes.AddOrUpdate($"{threadId} {request.Method} {route}", 1, (_, n) => n + 1);
        }

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
        if (fault is StreamFault.RefuseReset)
        {
            Reset(socket); // the server has the request (a POST: its run exists); the client gets no answer at all
            return;
        }

        var isStream = string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is "Transfer-Encoding" or "Content-Length" or "Connection" or "Keep-Alive")
            {
                continue;
            }

            headers.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        if (isStream && plan is { AddLocation: true } && response.Headers.Location is null
            && (response.Content.Headers.ContentLocation?.OriginalString ?? headers.FirstOrDefault(h => h.Key == "Content-Location").Value) is { } contentLocation)
        {
            headers.Add(new("Location", contentLocation.TrimEnd('/') + "/stream"));
        }

        headers.Add(new("Transfer-Encoding", "chunked"));
        await WriteHeadAsync(stream, (int)response.StatusCode, response.ReasonPhrase ?? "OK", headers);
        await using var body = await response.Content.ReadAsStreamAsync(_stop.Token);
        if (!isStream)
        {
            var buffer = new byte[16384];
            int n;
            while ((n = await body.ReadAsync(buffer, _stop.Token)) > 0)
            {
                await WriteChunkAsync(stream, buffer.AsMemory(0, n));
            }

            await WriteChunkAsync(stream, ReadOnlyMemory<byte>.Empty);
            return;
        }

        var sent = 0;
        var drop = fault as StreamFault.Drop;
        await foreach (var sseEvent in SplitEventsAsync(body))
        {
            if (echoError && sent == 2)
            {
                var data = $"{{\"error\":\"Unauthorized\",\"message\":\"rejected {EchoedCredentials(request)}\"}}";
                await WriteChunkAsync(stream, Encoding.UTF8.GetBytes($"event: error\ndata: {data}\n\n"));
                await WriteChunkAsync(stream, ReadOnlyMemory<byte>.Empty);
                return;
            }

            if (drop is not null && sent == drop.AfterEvents)
            {
                await DropAsync(stream, socket, drop.Mode, sseEvent);
                return;
            }

            await WriteChunkAsync(stream, sseEvent);
            sent++;
        }

        await WriteChunkAsync(stream, ReadOnlyMemory<byte>.Empty);
    }

    private async Task DropAsync(NetworkStream stream, Socket socket, DropMode mode, byte[] next)
    {
        switch (mode)
        {
            case DropMode.Reset:
                Reset(socket);
                break;
            case DropMode.Fin:
                End(socket);
                socket.Shutdown(SocketShutdown.Send);
                break;
            case DropMode.HalfEvent:
                End(socket);
                await WriteChunkAsync(stream, next.AsMemory(0, next.Length / 2));
                socket.Shutdown(SocketShutdown.Send);
                break;
            case DropMode.HalfEventCleanEnd:
                await WriteChunkAsync(stream, next.AsMemory(0, next.Length / 2));
                await WriteChunkAsync(stream, ReadOnlyMemory<byte>.Empty);
                break;
            case DropMode.CleanEnd:
                await WriteChunkAsync(stream, ReadOnlyMemory<byte>.Empty);
                break;
        }
    }

    /// <summary>Splits the server's LF-only SSE body into whole events (each with its blank line).</summary>
    private async IAsyncEnumerable<byte[]> SplitEventsAsync(Stream body)
    {
        var pending = new List<byte>();
        var buffer = new byte[8192];
        int n;
        while ((n = await body.ReadAsync(buffer, _stop.Token)) > 0)
        {
            for (var i = 0; i < n; i++)
            {
                pending.Add(buffer[i]);
                if (buffer[i] == '\n' && pending.Count >= 2 && pending[^2] == '\n')
                {
                    yield return pending.ToArray();
                    pending.Clear();
                }
            }
        }

        if (pending.Count > 0)
        {
            yield return pending.ToArray();
        }
    }

    private void Reset(Socket socket)
    {
        End(socket);
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    /// <summary>No further request is served on this connection.</summary>
    private void End(Socket socket) => _ended[socket] = true;

    private Task RedirectAsync(Stream stream, Uri location) =>
        WriteHeadAsync(stream, 307, "Temporary Redirect", [new("Location", location.ToString()), new("Content-Length", "0")]);

    private async Task WriteStatusAsync(Stream stream, int status, string reason, string text, IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        var body = Encoding.UTF8.GetBytes(text);
        await WriteHeadAsync(stream, status, reason, [.. extra, new("Content-Type", "text/plain"), new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture))]);
        await stream.WriteAsync(body, _stop.Token);
    }

    private async Task WriteHeadAsync(Stream stream, int status, string reason, IEnumerable<KeyValuePair<string, string>> headers)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), _stop.Token);
    }

    private async Task WriteChunkAsync(Stream stream, ReadOnlyMemory<byte> chunk)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"), _stop.Token);
        await stream.WriteAsync(chunk, _stop.Token);
        await stream.WriteAsync("\r\n"u8.ToArray(), _stop.Token);
        await stream.FlushAsync(_stop.Token);
    }
}

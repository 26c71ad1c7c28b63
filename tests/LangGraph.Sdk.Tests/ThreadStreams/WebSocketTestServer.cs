using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Tests.TestSupport;
using LangGraph.Sdk.ThreadStreams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LangGraph.Sdk.Tests.ThreadStreams;

/// <summary>
/// An in-process Kestrel server with the protocol's WebSocket route, <c>GET /threads/{id}/stream/events</c>, scripted by
/// the test: each accepted socket is handed over as a <see cref="ServerSocket"/> (its upgrade headers, the commands it
/// receives, what it sends, an abrupt drop). Upgrades can be refused with a status and a body.
/// </summary>
internal sealed class WebSocketTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ServerSocket> _sockets = Channel.CreateUnbounded<ServerSocket>();
    private readonly ConcurrentQueue<(int Status, string Body)> _refusals = new();
    private readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _upgrades = new();
    private readonly ConcurrentQueue<(IReadOnlyDictionary<string, string> Headers, JsonElement Command)> _httpCommands = new();

    private WebSocketTestServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>The headers of every upgrade request received, refused or not, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Upgrades => [.. _upgrades];

    /// <summary>The commands that came as <c>POST /threads/{id}/commands</c>, with their headers, in order.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Headers, JsonElement Command)> HttpCommands => [.. _httpCommands];

    /// <summary>
    /// Answers a <c>POST /threads/{id}/commands</c>: status and body. The default answers <c>run.start</c> with a run id,
    /// <c>state.get</c> with the server's 404 for a thread that never ran, anything else with <c>{}</c>.
    /// </summary>
    public Func<string, JsonElement, (int Status, string Body)> CommandAnswer { get; set; } = DefaultAnswer;

    public static async Task<WebSocketTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new WebSocketTestServer(app);
        app.UseWebSockets();
        app.Map("/threads/{threadId}/stream/events", server.HandleAsync);
        app.MapPost("/threads/{threadId}/commands", server.HandleCommandAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address);
        return server;
    }

    /// <summary>The next upgrade is answered with this status and body instead of 101.</summary>
    public void RefuseNext(int status, string body) => _refusals.Enqueue((status, body));

    /// <summary>The next accepted socket.</summary>
    public async Task<ServerSocket> AcceptAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _sockets.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>A transport to this server for a thread, with the client's headers and fast, jitter-free reconnects.</summary>
    public (WebSocketThreadStreamTransport Transport, ThreadEventLog Log) CreateTransport(
        string threadId = "01a233aa-d637-724c-a6e4-ab5c4951eedd",
        Action<LangGraphClientOptions>? configure = null,
        LangGraphRequestOptions? requestOptions = null,
        int maxReconnects = 3,
        IReadOnlyList<string>? channels = null,
        TimeProvider? timeProvider = null)
    {
        var options = TestClients.Options(Url.AbsoluteUri, configure);
        var core = new LangGraphHttpCore(options, httpClient: null, timeProvider, getEnvironmentVariable: Env.Empty);
        var connection = new ThreadStreamConnection(core, threadId, "agent", requestOptions, maxReconnects);
        var log = new ThreadEventLog();
        return (new WebSocketThreadStreamTransport(connection, log, channels ?? ThreadChannels.All), log);
    }

    public async ValueTask DisposeAsync()
    {
        _sockets.Writer.TryComplete();
        while (_sockets.Reader.TryRead(out var socket))
        {
            socket.Drop();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static (int Status, string Body) DefaultAnswer(string threadId, JsonElement command)
    {
        var id = command.GetProperty("id").GetInt32();
        return command.GetProperty("method").GetString() switch
        {
            "run.start" => (200, $"{{\"type\":\"success\",\"id\":{id},\"result\":{{\"run_id\":\"r1\"}},\"meta\":{{\"thread_id\":\"{threadId}\",\"applied_through_seq\":0}}}}"),
            "state.get" => (404, $"Thread with ID {threadId} not found"),
            _ => (200, $"{{\"type\":\"success\",\"id\":{id},\"result\":{{}}}}"),
        };
    }

    private async Task HandleCommandAsync(HttpContext context, string threadId)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        var command = document.RootElement.Clone();
        _httpCommands.Enqueue((context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), command));
        var (status, body) = CommandAnswer(threadId, command);
        context.Response.StatusCode = status;
        context.Response.ContentType = status == 200 ? "application/json" : "text/plain";
        await context.Response.WriteAsync(body);
    }

    private async Task HandleAsync(HttpContext context)
    {
        _upgrades.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
        if (_refusals.TryDequeue(out var refusal))
        {
            context.Response.StatusCode = refusal.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(refusal.Body);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new ServerSocket(webSocket, context);
        await _sockets.Writer.WriteAsync(socket);
        await socket.Ended; // the request lives as long as the socket
    }
}

/// <summary>
/// The server's side of one accepted WebSocket. A pump reads the client's messages into a queue (the commands the test
/// expects) and answers a close frame with one, as a real server does.
/// </summary>
internal sealed class ServerSocket
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<JsonElement> _commands = Channel.CreateUnbounded<JsonElement>();
    private readonly SemaphoreSlim _send = new(1, 1);

    public ServerSocket(WebSocket socket, HttpContext context)
    {
        _socket = socket;
        _context = context;
        _ = PumpAsync();
    }

    public Task Ended => _ended.Task;

    /// <summary>The next command the client sent (a whole text message, parsed).</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _commands.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>The next command, which must have this method; returns its id.</summary>
    public async Task<(int Id, JsonElement Params)> ExpectAsync(string method)
    {
        var command = await ReceiveAsync();
        command.GetProperty("method").GetString().Should().Be(method, $"the client sent {command}");
        return (command.GetProperty("id").GetInt32(), command.TryGetProperty("params", out var p) ? p : default);
    }

    /// <summary>Waits until the client closes the socket: the status of its close frame, or null when the connection just ended.</summary>
    public async Task<WebSocketCloseStatus?> WaitForCloseAsync() => await _closed.Task.WaitAsync(TimeSpan.FromSeconds(20));

    private async Task PumpAsync()
    {
        var buffer = new byte[1024 * 1024];
        var count = 0;
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closed.TrySetResult(_socket.CloseStatus);
                    await _send.WaitAsync();
                    try
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    }
                    finally
                    {
                        _send.Release();
                    }

                    break;
                }

                count += result.Count;
                if (result.EndOfMessage)
                {
                    using var document = JsonDocument.Parse(buffer.AsMemory(0, count));
                    _commands.Writer.TryWrite(document.RootElement.Clone());
                    count = 0;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or System.IO.IOException or OperationCanceledException or ObjectDisposedException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _commands.Writer.TryComplete();
            _ended.TrySetResult();
        }
    }

    public async Task SendAsync(string json)
    {
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    public Task SendSuccessAsync(int? id, string result = "{}", long? appliedThroughSeq = null) =>
        SendAsync($"{{\"type\":\"success\",\"id\":{Id(id)},\"result\":{result}{Meta(appliedThroughSeq)}}}");

    public Task SendErrorAsync(int? id, string code, string message) =>
        SendAsync($"{{\"type\":\"error\",\"id\":{Id(id)},\"error\":\"{code}\",\"message\":{JsonSerializer.Serialize(message)}}}");

    public Task SendEventAsync(long seq, string method, string data, string ns = "[]") =>
        SendAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"type\":\"event\",\"event_id\":\"{seq}\",\"seq\":{seq},\"method\":\"{method}\",\"params\":{{\"namespace\":{ns},\"timestamp\":1796163163340,\"data\":{data}}}}}"));

    public Task SendLifecycleAsync(long seq, string @event) => SendEventAsync(seq, "lifecycle", $"{{\"event\":\"{@event}\",\"graph_name\":\"agent\"}}");

    /// <summary>Closes the socket with a close frame of this status.</summary>
    public async Task CloseAsync(int status, string description)
    {
        await _send.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)status, description, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }
    }

    /// <summary>Ends the connection abruptly (a TCP reset, no close frame), as a network failure or a dying server would.</summary>
    public void Drop()
    {
        _context.Abort();
        _ended.TrySetResult();
    }

    private static string Id(int? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Meta(long? seq) => seq is { } s ? string.Create(CultureInfo.InvariantCulture, $",\"meta\":{{\"thread_id\":\"t\",\"applied_through_seq\":{s}}}") : string.Empty;
}

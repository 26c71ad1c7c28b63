using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Tests.Faults;

/// <summary>
/// A server on a raw socket that answers every request with whatever bytes the test writes: no HTTP framework
/// between the test and the wire, so malformed heads, cut chunked bodies and garbage arrive exactly as written.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, RawConnection, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _connections = [];
    private readonly Task _loop;
    private int _requests;

    /// <param name="respond">Writes the response to the n-th request (0-based); the connection closes when it returns.</param>
    public RawHttpServer(Func<int, RawConnection, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = AcceptAsync();
    }

    public string Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_connections)
                {
                    _connections.Add(ServeAsync(socket));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // stopped
        }

        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open);
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await SkipRequestAsync(stream);
            var index = Interlocked.Increment(ref _requests) - 1;
            await _respond(index, new RawConnection(socket, stream, _stop.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the client went away (it gave up, or hit a cap): that is what several cases expect
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>Reads the request head and its Content-Length body.</summary>
    private async Task SkipRequestAsync(Stream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || !(head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                throw new IOException("the client closed before sending a request");
            }

            head.Add(one[0]);
        }

        foreach (var line in Encoding.Latin1.GetString(head.ToArray()).Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                var length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
                var body = new byte[length];
                await stream.ReadExactlyAsync(body, _stop.Token);
            }
        }
    }
}

/// <summary>One accepted connection: write raw bytes, then end with FIN (return) or a reset.</summary>
internal sealed class RawConnection(Socket socket, NetworkStream stream, CancellationToken stopping)
{
    public CancellationToken Stopping => stopping;

    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(bytes, stopping);
        await stream.FlushAsync(stopping);
    }

    /// <summary>A response head with <c>Connection: close</c> and the given headers.</summary>
    public Task HeadAsync(int status, string reason, params string[] headers) =>
        WriteAsync($"HTTP/1.1 {status} {reason}\r\n{string.Concat(Array.ConvertAll(headers, h => h + "\r\n"))}Connection: close\r\n\r\n");

    /// <summary>A complete response with a Content-Length body.</summary>
    public Task FullAsync(int status, string reason, string contentType, string body) =>
        WriteAsync($"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");

    public Task ChunkAsync(string text) => ChunkAsync(Encoding.UTF8.GetBytes(text));

    public async Task ChunkAsync(ReadOnlyMemory<byte> bytes)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"), stopping);
        await stream.WriteAsync(bytes, stopping);
        await WriteAsync("\r\n"u8.ToArray());
    }

    /// <summary>The chunked body's terminator: a clean end.</summary>
    public Task EndChunksAsync() => WriteAsync("0\r\n\r\n"u8.ToArray());

    public void Reset()
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }
}

using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.IntegrationTests.Faults;

/// <summary>
/// The proxy's WebSocket mode: a request with <c>Upgrade: websocket</c> is tunnelled as raw TCP to the server (the upgrade
/// request as received, then both directions byte for byte), so the handshake and the frames are the real server's.
/// The proxy records each upgrade request (its headers: what the client authenticated with), counts the server's
/// messages per tunnel, and can drop a tunnel (a TCP reset of both sides, which the server sees as a closed socket)
/// after N server messages (<see cref="RegisterWebSocketDrops"/>) or on demand (<see cref="DropWebSockets"/>).
/// </summary>
internal sealed partial class FaultProxy
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _webSocketDrops = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RawHttpRequest>> _webSocketUpgrades = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<WebSocketTunnel, string> _tunnels = new();

    /// <summary>
    /// The next WebSocket connections of a thread are each dropped after that many whole messages from the server (one
    /// value per connection, in order; later connections pass untouched).
    /// </summary>
    public void RegisterWebSocketDrops(string threadId, params int[] afterServerMessages) =>
        _webSocketDrops[threadId] = new ConcurrentQueue<int>(afterServerMessages);

    /// <summary>The WebSocket upgrade requests of a thread that reached the proxy, in order.</summary>
    public IReadOnlyList<RawHttpRequest> WebSocketUpgrades(string threadId) =>
        _webSocketUpgrades.TryGetValue(threadId, out var upgrades) ? [.. upgrades] : [];

    /// <summary>Whole server messages forwarded so far on the thread's open tunnels.</summary>
    public int WebSocketMessagesForwarded(string threadId) =>
        _tunnels.Where(t => t.Value == threadId).Sum(t => t.Key.ServerMessages);

    /// <summary>Drops every open tunnel of a thread now (a TCP reset to the client and to the server); returns how many.</summary>
    public int DropWebSockets(string threadId)
    {
        var dropped = 0;
        foreach (var (tunnel, id) in _tunnels)
        {
            if (id == threadId && tunnel.Drop())
            {
                dropped++;
            }
        }

        return dropped;
    }

    private static bool IsWebSocketUpgrade(RawHttpRequest request) =>
        string.Equals(request.Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase);

    /// <summary>Tunnels one upgraded connection until either side ends it or the proxy drops it.</summary>
    private async Task TunnelWebSocketAsync(NetworkStream client, Socket clientSocket, RawHttpRequest request, string? threadId, string route)
    {
        End(clientSocket); // whatever happens, the connection serves no further HTTP request
        if (threadId is not null)
        {
            _webSocketUpgrades.GetOrAdd(threadId, _ => new()).Enqueue(request);
            _threadRoutes.AddOrUpdate($"{threadId} {request.Method} {route}", 1, (_, n) => n + 1);
        }

        var dropAfter = threadId is not null && _webSocketDrops.TryGetValue(threadId, out var drops) && drops.TryDequeue(out var n) ? n : (int?)null;
        using var upstreamSocket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await upstreamSocket.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
        await using var upstream = new NetworkStream(upstreamSocket, ownsSocket: false);
        await upstream.WriteAsync(UpgradeRequestBytes(request), _stop.Token);

        using var tunnel = new WebSocketTunnel(clientSocket, upstreamSocket, _stop.Token);
        if (threadId is not null)
        {
            _tunnels[tunnel] = threadId;
        }

        try
        {
            var toServer = CopyClientFramesAsync(client, upstream, tunnel.Token);
            var toClient = ForwardServerAsync(upstream, client, tunnel, dropAfter);
            await Task.WhenAny(toServer, toClient);
            tunnel.Close();
            await Task.WhenAll(Quietly(toServer), Quietly(toClient));
        }
        finally
        {
            _tunnels.TryRemove(tunnel, out _);
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the other direction ended the tunnel
        }
    }

    /// <summary>The upgrade request as the client sent it, with the server's Host.</summary>
    private byte[] UpgradeRequestBytes(RawHttpRequest request)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Target} HTTP/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {_upstream.Authority}\r\n");
        foreach (var (name, value) in request.Headers.Where(h => !h.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        return Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
    }

    private static async Task CopyClientFramesAsync(Stream client, Stream upstream, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        int n;
        while ((n = await client.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await upstream.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
        }
    }

    /// <summary>
    /// Forwards the server's handshake answer, then its frames one by one, counting whole messages; drops the tunnel
    /// instead of forwarding message number <paramref name="dropAfter"/> + 1. A refused upgrade (no 101) is forwarded as
    /// it is, until the server closes the connection.
    /// </summary>
    private async Task ForwardServerAsync(Stream upstream, Stream client, WebSocketTunnel tunnel, int? dropAfter)
    {
        var reader = new FrameReader(upstream);
        var head = await reader.ReadHeadAsync(tunnel.Token);
        await client.WriteAsync(head, tunnel.Token);
        if (!Encoding.Latin1.GetString(head).StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
        {
            await reader.CopyRestAsync(client, tunnel.Token);
            return;
        }

        if (dropAfter == 0)
        {
            tunnel.Drop();
            return;
        }

        while (await reader.ReadFrameAsync(tunnel.Token) is { } frame)
        {
            var endsMessage = (frame.Span[0] & 0x80) != 0 && (frame.Span[0] & 0x0F) is 0 or 1 or 2;
            if (endsMessage && dropAfter == tunnel.ServerMessages)
            {
                tunnel.Drop();
                return;
            }

            await client.WriteAsync(frame, tunnel.Token);
            if (endsMessage)
            {
                tunnel.CountServerMessage();
            }
        }
    }

    /// <summary>One tunnelled connection: both sockets, a token that ends both directions, the server's message count.</summary>
    private sealed class WebSocketTunnel(Socket client, Socket upstream, CancellationToken stop) : IDisposable
    {
        private readonly CancellationTokenSource _cts = CancellationTokenSource.CreateLinkedTokenSource(stop);
        private int _serverMessages;
        private int _ended;

        public CancellationToken Token => _cts.Token;

        public int ServerMessages => Volatile.Read(ref _serverMessages);

        public void CountServerMessage() => Interlocked.Increment(ref _serverMessages);

        /// <summary>Resets both connections (linger 0): no close frame, no FIN; returns false when already ended.</summary>
        public bool Drop()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0)
            {
                return false;
            }

            foreach (var socket in (ReadOnlySpan<Socket>)[client, upstream])
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (ObjectDisposedException)
                {
                    // already closed
                }
            }

            Cancel();
            return true;
        }

        /// <summary>Ends the tunnel after one side closed: the other side gets a FIN.</summary>
        public void Close()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                foreach (var socket in (ReadOnlySpan<Socket>)[client, upstream])
                {
                    try
                    {
                        socket.Shutdown(SocketShutdown.Both);
                    }
                    catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                    {
                        // already gone
                    }
                }
            }

            Cancel();
        }

        public void Dispose() => _cts.Dispose();

        private void Cancel()
        {
            try
            {
                _cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // disposed with the tunnel
            }
        }
    }

    /// <summary>Reads the server's side of a tunnel: the HTTP head, then whole WebSocket frames (RFC 6455 §5.2).</summary>
    private sealed class FrameReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[65536];
        private int _start;
        private int _end;

        public async Task<byte[]> ReadHeadAsync(CancellationToken cancellationToken)
        {
            var head = new List<byte>();
            while (!(head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    break;
                }

                head.Add(_buffer[_start++]);
            }

            return [.. head];
        }

        public async Task CopyRestAsync(Stream target, CancellationToken cancellationToken)
        {
            do
            {
                await target.WriteAsync(_buffer.AsMemory(_start, _end - _start), cancellationToken);
                _start = _end;
            }
            while (await FillAsync(cancellationToken));
        }

        /// <summary>One whole frame (header and payload) as sent, or null at the end of the stream.</summary>
        public async Task<ReadOnlyMemory<byte>?> ReadFrameAsync(CancellationToken cancellationToken)
        {
            if (!await EnsureAsync(2, cancellationToken))
            {
                return null;
            }

            var length7 = _buffer[_start + 1] & 0x7F;
            var masked = (_buffer[_start + 1] & 0x80) != 0;
            var headerLength = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + (masked ? 4 : 0);
            if (!await EnsureAsync(headerLength, cancellationToken))
            {
                return null;
            }

            var payload = length7 switch
            {
                126 => BinaryPrimitives.ReadUInt16BigEndian(_buffer.AsSpan(_start + 2)),
                127 => checked((long)BinaryPrimitives.ReadUInt64BigEndian(_buffer.AsSpan(_start + 2))),
                _ => length7,
            };
            var frame = new byte[checked(headerLength + (int)payload)];
            var filled = 0;
            while (filled < frame.Length)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return null;
                }

                var n = Math.Min(frame.Length - filled, _end - _start);
                Array.Copy(_buffer, _start, frame, filled, n);
                _start += n;
                filled += n;
            }

            return frame;
        }

        /// <summary>Makes at least <paramref name="count"/> bytes available at <c>_start</c> (count is small).</summary>
        private async Task<bool> EnsureAsync(int count, CancellationToken cancellationToken)
        {
            while (_end - _start < count)
            {
                if (_start > 0)
                {
                    Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                var n = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
                if (n == 0)
                {
                    return false;
                }

                _end += n;
            }

            return true;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}

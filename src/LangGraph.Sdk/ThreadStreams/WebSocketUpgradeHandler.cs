using System;
using System.Buffers;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// The transport of a thread stream's WebSocket upgrades (<see cref="System.Net.WebSockets.ClientWebSocket"/> sends its
/// handshake through it): a socket handler that follows no redirect and keeps no cookies, with a look at every answer
/// that is not <c>101 Switching Protocols</c>. <see cref="System.Net.WebSockets.ClientWebSocket"/> reports a refused
/// upgrade with its status only; this keeps the status line, the headers the error needs and the start of the body, so
/// that the refusal becomes the same typed exception an HTTP request gets (with the server's detail).
/// </summary>
internal sealed class WebSocketUpgradeHandler : DelegatingHandler
{
    private const int MaxBodyBytes = 64 * 1024;

    private WebSocketUpgradeRefusal? _refusal;

    public WebSocketUpgradeHandler()
        : base(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    /// <summary>Takes the refusal of the last upgrade, if it was refused (one upgrade at a time per handler).</summary>
    public WebSocketUpgradeRefusal? TakeRefusal() => Interlocked.Exchange(ref _refusal, null);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _refusal = null;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            _refusal = new WebSocketUpgradeRefusal(
                (int)response.StatusCode,
                response.ReasonPhrase,
                response.Headers.Location,
                response.Headers.TryGetValues("x-request-id", out var ids) ? string.Join(",", ids) : null,
                await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false));
        }

        return response;
    }

    /// <summary>The start of the body (at most 64 KB), as UTF-8 text; null when there is none or it cannot be read.</summary>
    private static async Task<string?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var count = 0;
            int n;
            while (count < MaxBodyBytes && (n = await stream.ReadAsync(buffer.AsMemory(count, MaxBodyBytes - count), cancellationToken).ConfigureAwait(false)) > 0)
            {
                count += n;
            }

            return count == 0 ? null : Encoding.UTF8.GetString(buffer, 0, count);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.IO.IOException)
        {
            return null; // the status alone still says what happened
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>A refused WebSocket upgrade: the answer's status line, <c>Location</c>, request id and the start of its body.</summary>
internal sealed record WebSocketUpgradeRefusal(int StatusCode, string? ReasonPhrase, Uri? Location, string? RequestId, string? Body);

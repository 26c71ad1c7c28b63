using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The transport behind <see cref="RetryHandler"/> when the caller supplied the <see cref="HttpClient"/>: each attempt is
/// sent through it (its handlers, its <see cref="HttpClient.Timeout"/>), up to the response headers. The caller's client
/// stays the caller's: disposing the forwarder leaves it alone.
/// </summary>
internal sealed class HttpClientForwarder(HttpClient httpClient) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
}

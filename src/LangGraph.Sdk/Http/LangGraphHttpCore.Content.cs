using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Http;

/// <summary>Responses handed to the caller whole, for raw access to bodies that are not JSON.</summary>
internal sealed partial class LangGraphHttpCore
{
    /// <summary>
    /// Sends the request like every other call (headers, retries, timeout, error mapping) and returns a copy of the
    /// successful response: status, headers and the buffered body. The caller owns (and disposes) the copy.
    /// </summary>
    public Task<HttpResponseMessage> SendForResponseAsync(LangGraphRequest request, CancellationToken cancellationToken) =>
        SendWithTimeoutAsync(request, state: false, static (response, body, _) => Copy(response, body), cancellationToken);

    private static HttpResponseMessage Copy(HttpResponseMessage response, System.ReadOnlySpan<byte> body)
    {
        var copy = new HttpResponseMessage(response.StatusCode)
        {
            Version = response.Version,
            ReasonPhrase = response.ReasonPhrase,
            Content = new ByteArrayContent(body.ToArray()),
        };
        foreach (var (name, values) in response.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (name, values) in response.Content.Headers)
        {
            copy.Content.Headers.TryAddWithoutValidation(name, values);
        }

        return copy;
    }
}

using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk;

/// <summary>Raw access to responses that are not JSON: text, bytes, or the whole response.</summary>
public partial class LangGraphRawClient
{
    /// <summary>
    /// Sends a <c>GET</c> request and reads the response body as text, decoded with the charset of its
    /// <c>Content-Type</c> (UTF-8 when none is given): for a custom route that answers HTML or plain text.
    /// </summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="options">Per-call headers (for example <c>Accept</c>) and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body; an empty string when there is none.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual async Task<string> GetStringAsync(string path, RawRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, path, body: null, options, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a <c>GET</c> request and reads the response body as bytes, for example a file a custom route serves.</summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body; empty when there is none.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual async Task<byte[]> GetBytesAsync(string path, RawRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, path, body: null, options, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends a request and returns the whole successful response: status code, headers (for example
    /// <c>Content-Type</c>, <c>Content-Location</c>, <c>X-Pagination-Total</c>) and the body, already read into memory.
    /// The request goes through the same core as every other call (headers, API key, retries, timeout), and an error
    /// status still throws the usual <see cref="LangGraphApiException"/>, with credentials redacted.
    /// </summary>
    /// <param name="method">The HTTP method, for example <see cref="HttpMethod.Get"/>.</param>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; dispose it when done. Its body is buffered, so it can be read more than once.</returns>
    /// <exception cref="System.ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, RawRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        System.ArgumentNullException.ThrowIfNull(method);
        return _core.SendForResponseAsync(CreateRequest(method, path, body, options, OperationOf(method)), cancellationToken);
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk;

/// <summary>
/// Raw access to routes the SDK does not wrap, such as your own routes mounted on the server (<c>client.Http</c>;
/// Python's <c>client.http</c>). Requests go through the same HTTP core as every other call: the same base URL,
/// default and per-call headers, API key, retry rules, timeout and exceptions. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// <c>path</c> is relative to the API URL and starts with <c>/</c>, for example <c>/my/route</c>; it is sent as given,
/// so escape ids yourself (<see cref="Uri.EscapeDataString(string)"/>). Absolute URLs are refused, so credentials are
/// never sent to another origin. Query parameters go in <see cref="LangGraphRequestOptions.QueryParams"/>.
/// </para>
/// <para>
/// A body is serialized with <see cref="LangGraphClientOptions.JsonSerializerOptions"/> (a <see cref="JsonElement"/> is
/// sent as is); a null body sends no body at all. Responses are read as JSON: an empty body (and 202 or 204) gives a
/// JSON null <see cref="JsonElement"/>, or <c>default</c> from the overloads that take a <see cref="JsonTypeInfo{T}"/>.
/// Other bodies (HTML, text, files) are read by <see cref="GetStringAsync"/>, <see cref="GetBytesAsync"/> and
/// <see cref="SendAsync(HttpMethod, string, object?, RawRequestOptions?, CancellationToken)"/>.
/// </para>
/// </remarks>
public partial class LangGraphRawClient
{
    private static readonly SearchValues<char> ForbiddenPathChars = SearchValues.Create("?#\\ \t\r\n\0");

    private readonly LangGraphHttpCore _core;

    /// <summary>For mocking frameworks only: a client created this way has no connection.</summary>
    protected LangGraphRawClient()
    {
        _core = null!;
    }

    internal LangGraphRawClient(LangGraphHttpCore core) => _core = core;

    /// <summary>Sends a <c>GET</c> request.</summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as JSON; a JSON null when it is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<JsonElement> GetAsync(string path, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Get, path, body: null, options, cancellationToken);

    /// <summary>Sends a <c>GET</c> request and reads the response as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="responseType">The type info of <typeparamref name="T"/>, from your <c>JsonSerializerContext</c>.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, or <c>default</c> when the body is empty or JSON null.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<T?> GetAsync<T>(string path, JsonTypeInfo<T> responseType, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Get, path, body: null, responseType, options, cancellationToken);

    /// <summary>Sends a <c>POST</c> request.</summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as JSON; a JSON null when it is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<JsonElement> PostAsync(string path, object? body = null, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, path, body, options, cancellationToken);

    /// <summary>Sends a <c>POST</c> request and reads the response as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="responseType">The type info of <typeparamref name="T"/>, from your <c>JsonSerializerContext</c>.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, or <c>default</c> when the body is empty or JSON null.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<T?> PostAsync<T>(string path, object? body, JsonTypeInfo<T> responseType, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, path, body, responseType, options, cancellationToken);

    /// <summary>Sends a <c>PUT</c> request.</summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as JSON; a JSON null when it is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<JsonElement> PutAsync(string path, object? body = null, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, path, body, options, cancellationToken);

    /// <summary>Sends a <c>PUT</c> request and reads the response as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="responseType">The type info of <typeparamref name="T"/>, from your <c>JsonSerializerContext</c>.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, or <c>default</c> when the body is empty or JSON null.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<T?> PutAsync<T>(string path, object? body, JsonTypeInfo<T> responseType, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, path, body, responseType, options, cancellationToken);

    /// <summary>Sends a <c>PATCH</c> request.</summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as JSON; a JSON null when it is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<JsonElement> PatchAsync(string path, object? body = null, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Patch, path, body, options, cancellationToken);

    /// <summary>Sends a <c>PATCH</c> request and reads the response as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="responseType">The type info of <typeparamref name="T"/>, from your <c>JsonSerializerContext</c>.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, or <c>default</c> when the body is empty or JSON null.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<T?> PatchAsync<T>(string path, object? body, JsonTypeInfo<T> responseType, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Patch, path, body, responseType, options, cancellationToken);

    /// <summary>Sends a <c>DELETE</c> request, with a JSON body when one is given (as the store's <c>DELETE /store/items</c> needs).</summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response body as JSON; a JSON null when it is empty (Python returns nothing).</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<JsonElement> DeleteAsync(string path, object? body = null, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Delete, path, body, options, cancellationToken);

    /// <summary>Sends a <c>DELETE</c> request and reads the response as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="responseType">The type info of <typeparamref name="T"/>, from your <c>JsonSerializerContext</c>.</param>
    /// <param name="options">Per-call headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response, or <c>default</c> when the body is empty or JSON null.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    public virtual Task<T?> DeleteAsync<T>(string path, object? body, JsonTypeInfo<T> responseType, RawRequestOptions? options = null, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Delete, path, body, responseType, options, cancellationToken);

    /// <summary>
    /// Sends a request and yields the server-sent events of the response as they arrive (Python's <c>http.stream</c>).
    /// Sends <c>Accept: text/event-stream</c>; not subject to the client timeout.
    /// </summary>
    /// <param name="path">The path below the API URL, starting with <c>/</c>.</param>
    /// <param name="method">The HTTP method, for example <see cref="HttpMethod.Post"/>.</param>
    /// <param name="body">The JSON body; none when null.</param>
    /// <param name="options">Per-call headers (for example <c>Last-Event-ID</c>) and query parameters.</param>
    /// <param name="cancellationToken">Cancels the stream and releases its connection.</param>
    /// <returns>The events, as they arrive.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a relative path starting with <c>/</c>, or <paramref name="body"/> cannot be serialized.</exception>
    /// <exception cref="LangGraphApiException">The server answered with an error status.</exception>
    /// <exception cref="LangGraphException">The response is not <c>text/event-stream</c>.</exception>
#pragma warning disable CS8424 // The token goes to the iterator returned, which observes it; the attribute states the contract.
    public virtual IAsyncEnumerable<StreamPart> StreamAsync(
        string path, HttpMethod method, object? body = null, RawRequestOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS8424
    {
        ArgumentNullException.ThrowIfNull(method);
        var request = CreateRequest(method, path, body, options, "http.stream");
        return new RunStream(_core).ReadAsync(request, StreamSettings.PassThrough, cancellationToken);
    }

    /// <summary>Refuses anything but a relative path, so a call can never reach another origin or a surprising route.</summary>
    private static void ValidatePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                "The path must be relative to the API URL and start with a single '/', for example '/my/route'. Absolute URLs are refused, so that credentials are never sent to another origin.",
                nameof(path));
        }

        if (path.AsSpan().IndexOfAny(ForbiddenPathChars) >= 0)
        {
            throw new ArgumentException(
                "The path must not contain '?', '#', '\\', whitespace or control characters; put query parameters in RawRequestOptions.QueryParams and escape ids with Uri.EscapeDataString.",
                nameof(path));
        }

        foreach (var segment in path.Split('/'))
        {
            if (Uri.UnescapeDataString(segment) is "." or "..")
            {
                throw new ArgumentException("The path must not contain '.' or '..' segments: they would change which route is called.", nameof(path));
            }
        }
    }

    private async Task<JsonElement> SendJsonAsync(HttpMethod method, string path, object? body, RawRequestOptions? options, CancellationToken cancellationToken)
    {
        var request = CreateRequest(method, path, body, options, OperationOf(method));
        var (hasValue, value, _) = await _core.SendOptionalAsync(request, LangGraphJsonContext.Default.JsonElement, responseHeader: null, cancellationToken).ConfigureAwait(false);
        return hasValue ? value : JsonValues.Null;
    }

    private async Task<T?> SendJsonAsync<T>(HttpMethod method, string path, object? body, JsonTypeInfo<T> responseType, RawRequestOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        var request = CreateRequest(method, path, body, options, OperationOf(method));
        var (hasValue, value, _) = await _core.SendOptionalAsync(request, responseType, responseHeader: null, cancellationToken).ConfigureAwait(false);
        return hasValue ? value : default;
    }

    /// <summary>The span name of a raw call: <c>http.{method}</c>, a constant for the usual methods.</summary>
    internal static string OperationOf(HttpMethod method) => method.Method switch
    {
        "GET" => "http.get",
        "POST" => "http.post",
        "PUT" => "http.put",
        "PATCH" => "http.patch",
        "DELETE" => "http.delete",
        _ => "http.request",
    };

    private LangGraphRequest CreateRequest(HttpMethod method, string path, object? body, RawRequestOptions? options, string operation)
    {
        ValidatePath(path);
        return new LangGraphRequest(method, path, options) { Operation = operation, Body = Serialize(body) };
    }

    private byte[]? Serialize(object? body)
    {
        switch (body)
        {
            case null:
                return null;
            case JsonElement element:
                return JsonSerializer.SerializeToUtf8Bytes(element, LangGraphJsonContext.Default.JsonElement);
        }

        JsonTypeInfo typeInfo;
        try
        {
            typeInfo = _core.UserJsonOptions.GetTypeInfo(body.GetType());
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException(
                $"Cannot serialize the body (type {body.GetType().FullName}): its type is unknown to LangGraphClientOptions.JsonSerializerOptions. " +
                "Add it to a JsonSerializerContext and set that context as the options' TypeInfoResolver.",
                nameof(body),
                ex);
        }

        return JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
    }
}

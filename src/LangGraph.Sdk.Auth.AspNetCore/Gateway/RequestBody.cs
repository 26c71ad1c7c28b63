using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// A request's JSON body, read once and parsed strictly: size limit (413), JSON content type (415), no duplicate keys,
/// no comments or trailing commas (400). What the engine sees is what is forwarded.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private RequestBody(JsonDocument? document)
    {
        Document = document;
    }

    public static RequestBody Empty { get; } = new(null);

    /// <summary>Gets the parsed body, or null when the request has none.</summary>
    public JsonDocument? Document { get; }

    public JsonElement? Root => Document?.RootElement;

    public static async Task<(RequestBody? Body, GatewayError? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !HasChunkedBody(request)))
        {
            return (Empty, null);
        }

        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var bytes = await ReadAllAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, TooLarge(limit));
        }

        if (bytes.Length == 0)
        {
            return (Empty, null);
        }

        if (request.Headers.ContainsKey(HeaderNames.ContentEncoding))
        {
            return (null, new GatewayError(415, "Unsupported Media Type: a request body must not be content-encoded"));
        }

        if (!IsJson(request.ContentType))
        {
            return (null, new GatewayError(415, "Unsupported Media Type: the body must be application/json"));
        }

        var duplicate = FindProblem(bytes);
        if (duplicate is not null)
        {
            return (null, new GatewayError(400, duplicate));
        }

        try
        {
            return (new RequestBody(JsonDocument.Parse(bytes, DocumentOptions)), null);
        }
        catch (JsonException)
        {
            return (null, new GatewayError(400, "Malformed JSON in request body"));
        }
    }

    public void Dispose() => Document?.Dispose();

    private static GatewayError TooLarge(long limit) => new(413, $"Request body too large: the limit is {limit} bytes");

    private static bool HasChunkedBody(HttpRequest request) =>
        request.Headers.TransferEncoding.Count > 0 ||
        request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.AsSpan();
        var isJson = type.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
            (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        return isJson && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads the whole body, or returns null when it is longer than the limit.</summary>
    private static async Task<byte[]?> ReadAllAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    /// <summary>Finds a duplicate key at any depth (JSON parsers disagree on which one wins), or null.</summary>
    private static string? FindProblem(byte[] json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        var scopes = new Stack<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        scopes.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        scopes.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        scopes.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        if (scopes.Peek() is { } keys && !keys.Add(name))
                        {
                            return $"Duplicate key \"{name}\" in JSON body";
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            return "Malformed JSON in request body";
        }

        return null;
    }
}

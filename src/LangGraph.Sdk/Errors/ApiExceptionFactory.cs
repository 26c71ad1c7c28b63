using System;
using System.Net;
using System.Text.Json;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.Errors;

/// <summary>Turns an error response into the one exception type callers branch on, by status code only.</summary>
internal static class ApiExceptionFactory
{
    internal const int MaxDetailLength = 2000;

    public static LangGraphApiException Create(
        int statusCode, string? reasonPhrase, string method, string target, string? body, string? requestId, CredentialRedactor redactor)
    {
        body = string.IsNullOrEmpty(body) ? null : RedactDecoded(redactor.Redact(body), redactor);
        // Redacted again once parsed: a JSON-escaped secret the raw body hid (\u002B, \/) is literal in the detail.
        var detail = ExtractDetail(body) is { } extracted ? redactor.Redact(extracted) : null;
        var reason = string.IsNullOrEmpty(reasonPhrase) ? ReasonPhrase(statusCode) : reasonPhrase;
        var message = $"HTTP {statusCode} ({reason}) from {method} {target}: {detail ?? reason}";
        if (!string.IsNullOrEmpty(requestId))
        {
            message += $" (request id {requestId})";
        }

        message = redactor.Redact(message);
        return statusCode switch
        {
            404 => new LangGraphNotFoundException(message, detail, body, requestId),
            409 => new LangGraphConflictException(message, detail, body, requestId),
            _ => new LangGraphApiException(message, statusCode, detail, body, requestId),
        };
    }

    /// <summary>
    /// A JSON body in which a credential hides behind escapes the raw text does not show (<c>\u006c…</c>) is written
    /// again with its strings redacted; any other body is kept as it is.
    /// </summary>
    private static string RedactDecoded(string body, CredentialRedactor redactor)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.IsEmpty || trimmed[0] is not ('{' or '['))
        {
            return body;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var original = document.RootElement.GetRawText();
            var rewritten = redactor.RedactJson(document.RootElement).GetRawText();
            return rewritten == original ? body : rewritten;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    /// <summary>
    /// The error for a 3xx answer, which the client never follows: it names the redirect's target and, for another
    /// origin, both origins.
    /// </summary>
    public static LangGraphApiException Redirect(
        int statusCode, string? reasonPhrase, string method, string target, Uri? location, Uri apiUrl, string? requestId, CredentialRedactor redactor)
    {
        var reason = string.IsNullOrEmpty(reasonPhrase) ? ReasonPhrase(statusCode) : reasonPhrase;
        var apiOrigin = apiUrl.GetLeftPart(UriPartial.Authority);
        var detail = location is null
            ? "a redirect without a Location; the client follows no redirects"
            : LangGraphHttpCore.SameOrigin(location, apiUrl)
                ? $"a redirect to {location.GetLeftPart(UriPartial.Path)}; the client follows no redirects (set ApiUrl to the address the server redirects to)"
                : $"a redirect to another origin, {location.GetLeftPart(UriPartial.Authority)}, than the API's, {apiOrigin}; the client follows no redirects, so that no credential leaves the API's origin";
        var message = $"HTTP {statusCode} ({reason}) from {method} {target}: {detail}";
        if (!string.IsNullOrEmpty(requestId))
        {
            message += $" (request id {requestId})";
        }

        return new LangGraphApiException(redactor.Redact(message), statusCode, redactor.Redact(detail), responseBody: null, requestId);
    }

    /// <summary>
    /// The server's detail: a JSON body's first non-empty string among <c>detail</c>, <c>message</c>, <c>error</c>,
    /// <c>error.message</c>, <c>error.detail</c> (as the Python SDK); otherwise the whole body as text (the JS server's
    /// plain-text errors and its JSON validation errors alike), shortened when very long.
    /// </summary>
    internal static string? ExtractDetail(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var trimmed = body.Trim();
        if (trimmed[0] is '{')
        {
            try
            {
                using var document = JsonDocument.Parse(trimmed);
                var root = document.RootElement;
                foreach (var name in (ReadOnlySpan<string>)["detail", "message", "error"])
                {
                    if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                    {
                        return Shorten(text);
                    }
                }

                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in (ReadOnlySpan<string>)["message", "detail"])
                    {
                        if (error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
                        {
                            return Shorten(text);
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the text.
            }
        }

        return Shorten(trimmed);
    }

    private static string Shorten(string text) => text.Length <= MaxDetailLength ? text : string.Concat(text.AsSpan(0, MaxDetailLength), "…");

    private static string ReasonPhrase(int statusCode)
    {
        var name = ((HttpStatusCode)statusCode).ToString();
        return int.TryParse(name, out _) ? "Error" : SplitWords(name);
    }

    private static string SplitWords(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && !char.IsUpper(pascal[i - 1]))
            {
                builder.Append(' ');
            }

            builder.Append(pascal[i]);
        }

        return builder.ToString();
    }
}

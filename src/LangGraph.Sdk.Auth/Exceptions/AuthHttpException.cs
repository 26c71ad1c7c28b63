using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// Rejects a request with an HTTP status: Python's <c>Auth.exceptions.HTTPException</c>. Throw it from an
/// <see cref="AuthenticateAttribute">[Authenticate]</see> or <see cref="OnAttribute">[On]</see> handler; the engine turns
/// it into the denial of <see cref="AuthOutcome"/>.
/// </summary>
/// <remarks>
/// <see cref="StatusCode"/> defaults to 401 and <see cref="Detail"/> to the status code's reason phrase
/// (<c>"Unauthorized"</c>); <see cref="Exception.Message"/> reads <c>"401: Unauthorized"</c>. <see cref="Headers"/> are
/// added to the error response, for example <c>WWW-Authenticate: Bearer</c>.
/// <code>
/// throw new AuthHttpException(401, "Invalid API key", new Dictionary&lt;string, string&gt; { ["WWW-Authenticate"] = "Bearer" });
/// </code>
/// </remarks>
public class AuthHttpException : Exception
{
    /// <summary>Creates a 401 Unauthorized exception.</summary>
    public AuthHttpException()
        : this(401, null, null, null)
    {
    }

    /// <summary>Creates a 401 exception with the given detail.</summary>
    /// <param name="detail">The detail shown to the client, or null for <c>"Unauthorized"</c>.</param>
    public AuthHttpException(string? detail)
        : this(401, detail, null, null)
    {
    }

    /// <summary>Creates a 401 exception with the given detail and cause.</summary>
    /// <param name="detail">The detail shown to the client, or null for <c>"Unauthorized"</c>.</param>
    /// <param name="innerException">The cause, for logs; it is not shown to the client.</param>
    public AuthHttpException(string? detail, Exception? innerException)
        : this(401, detail, null, innerException)
    {
    }

    /// <summary>Creates an exception with a status code, detail and response headers.</summary>
    /// <param name="statusCode">The HTTP status code, 100 to 599. <value>The default value is 401.</value></param>
    /// <param name="detail">The detail shown to the client, or null for the status code's reason phrase.</param>
    /// <param name="headers">Headers to add to the error response, for example <c>WWW-Authenticate</c>, or null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not between 100 and 599.</exception>
    public AuthHttpException(int statusCode = 401, string? detail = null, IReadOnlyDictionary<string, string>? headers = null)
        : this(statusCode, detail, headers, null)
    {
    }

    /// <summary>Creates an exception with a status code, detail, response headers and cause.</summary>
    /// <param name="statusCode">The HTTP status code, 100 to 599.</param>
    /// <param name="detail">The detail shown to the client, or null for the status code's reason phrase.</param>
    /// <param name="headers">Headers to add to the error response, or null.</param>
    /// <param name="innerException">The cause, for logs; it is not shown to the client.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="statusCode"/> is not between 100 and 599.</exception>
    public AuthHttpException(int statusCode, string? detail, IReadOnlyDictionary<string, string>? headers, Exception? innerException)
        : base(FormatMessage(statusCode, detail), innerException)
    {
        StatusCode = statusCode;
        Detail = detail ?? HttpReasonPhrases.Get(statusCode);
        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                copy[name] = value;
            }
        }

        Headers = copy;
    }

    /// <summary>Gets the HTTP status code, for example 401 or 403.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the detail shown to the client: the one given, or the status code's reason phrase.</summary>
    public string Detail { get; }

    /// <summary>Gets the headers to add to the error response (names compared case-insensitively); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    private static string FormatMessage(int statusCode, string? detail)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return $"{statusCode}: {detail ?? HttpReasonPhrases.Get(statusCode)}";
    }
}

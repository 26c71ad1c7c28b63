using System;

namespace LangGraph.Sdk;

/// <summary>
/// The server answered with an error status (4xx or 5xx). <see cref="Exception.Message"/> carries the server's detail,
/// whether the body was JSON (<c>detail</c>, <c>message</c>, <c>error</c>) or plain text, as the JS server sends.
/// </summary>
public class LangGraphApiException : LangGraphException
{
    /// <summary>Creates an exception with a default message and status 0.</summary>
    public LangGraphApiException()
    {
    }

    /// <summary>Creates an exception with the given message and status 0.</summary>
    /// <param name="message">What went wrong.</param>
    public LangGraphApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message, cause and status 0.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LangGraphApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="message">The full message, including the server's detail.</param>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="detail">The server's detail text, when there was one.</param>
    /// <param name="responseBody">The response body as text, when there was one.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when there was one.</param>
    public LangGraphApiException(string message, int statusCode, string? detail, string? responseBody, string? requestId)
        : base(message)
    {
        StatusCode = statusCode;
        Detail = detail;
        ResponseBody = responseBody;
        RequestId = requestId;
    }

    /// <summary>Gets the HTTP status code, for example 404.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the server's detail text (from <c>detail</c>, <c>message</c> or <c>error</c> in a JSON body, or the plain-text body).</summary>
    public string? Detail { get; }

    /// <summary>Gets the response body as text (JSON or plain text), with any credential value masked, or null when it was empty.</summary>
    public string? ResponseBody { get; }

    /// <summary>Gets the server's request id (the <c>x-request-id</c> response header), for support requests.</summary>
    public string? RequestId { get; }
}

using System;

namespace LangGraph.Sdk;

/// <summary>The server answered 409: the resource already exists, or the thread is busy.</summary>
public class LangGraphConflictException : LangGraphApiException
{
    /// <summary>Creates an exception with a default message.</summary>
    public LangGraphConflictException()
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public LangGraphConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LangGraphConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a 409 response.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="detail">The server's detail text.</param>
    /// <param name="responseBody">The response body.</param>
    /// <param name="requestId">The server's request id.</param>
    public LangGraphConflictException(string message, string? detail, string? responseBody, string? requestId)
        : base(message, 409, detail, responseBody, requestId)
    {
    }
}

using System;

namespace LangGraph.Sdk;

/// <summary>The server answered 404: the resource does not exist, or custom auth hides it from this user.</summary>
public class LangGraphNotFoundException : LangGraphApiException
{
    /// <summary>Creates an exception with a default message.</summary>
    public LangGraphNotFoundException()
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public LangGraphNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LangGraphNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a 404 response.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="detail">The server's detail text.</param>
    /// <param name="responseBody">The response body.</param>
    /// <param name="requestId">The server's request id.</param>
    public LangGraphNotFoundException(string message, string? detail, string? responseBody, string? requestId)
        : base(message, 404, detail, responseBody, requestId)
    {
    }
}

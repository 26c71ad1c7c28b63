using System;

namespace LangGraph.Sdk;

/// <summary>
/// The base of every exception this SDK raises: a connection that failed after retries, a call that timed out,
/// a response that could not be read (invalid JSON, a malformed or truncated stream), or an error answer from the server
/// (<see cref="LangGraphApiException"/>). Messages never contain credentials.
/// </summary>
public class LangGraphException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public LangGraphException()
        : base("A LangGraph client operation failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public LangGraphException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LangGraphException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

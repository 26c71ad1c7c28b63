using System;
using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>
/// A run started by a <see cref="RemoteGraph"/> failed on the server (Python's <c>RemoteException</c>):
/// <see cref="LangGraphRunException.ErrorName"/> and <see cref="LangGraphRunException.ErrorMessage"/> are the remote
/// graph's error.
/// </summary>
public class RemoteGraphException : LangGraphRunException
{
    /// <summary>Creates an exception with a default message.</summary>
    public RemoteGraphException()
        : base("A remote graph run failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public RemoteGraphException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RemoteGraphException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed remote run.</summary>
    /// <param name="graphName">The remote graph's name.</param>
    /// <param name="errorName">The error's name as the graph raised it, for example <c>CustomError</c>.</param>
    /// <param name="errorMessage">The error's message.</param>
    /// <param name="runId">The run id, when known.</param>
    /// <param name="threadId">The thread id, or null for a stateless run.</param>
    /// <param name="error">The error payload as the server sent it.</param>
    public RemoteGraphException(string graphName, string errorName, string errorMessage, string? runId, string? threadId, JsonElement error)
        : base(FormatMessage(graphName, errorName, errorMessage, runId), errorName, errorMessage, runId, threadId, error)
    {
        GraphName = graphName;
    }

    /// <summary>Gets the name of the remote graph whose run failed.</summary>
    public string? GraphName { get; }

    private static string FormatMessage(string graphName, string errorName, string errorMessage, string? runId) =>
        runId is null
            ? $"Remote graph '{graphName}' failed: {errorName}: {errorMessage}"
            : $"Remote graph '{graphName}' failed (run {runId}): {errorName}: {errorMessage}";
}

using System;
using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>
/// A run failed on the server: the graph raised an error. Raised by <c>WaitAsync</c>/<c>JoinAsync</c> for an
/// <c>__error__</c> result and by streams after their <c>error</c> event (unless <c>ThrowOnError</c> is false).
/// </summary>
public class LangGraphRunException : LangGraphException
{
    /// <summary>Creates an exception with a default message.</summary>
    public LangGraphRunException()
        : base("A LangGraph run failed.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public LangGraphRunException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LangGraphRunException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a failed run.</summary>
    /// <param name="errorName">The error's name as the graph raised it, for example <c>CustomError</c>.</param>
    /// <param name="errorMessage">The error's message.</param>
    /// <param name="runId">The run id, when known.</param>
    /// <param name="threadId">The thread id, when known.</param>
    /// <param name="error">The error payload as the server sent it.</param>
    public LangGraphRunException(string errorName, string errorMessage, string? runId, string? threadId, JsonElement error)
        : base(FormatMessage(errorName, errorMessage, runId))
    {
        ErrorName = errorName;
        ErrorMessage = errorMessage;
        RunId = runId;
        ThreadId = threadId;
        Error = error;
    }

    /// <summary>Creates an exception for a failed run, with a message of the subclass's own.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="errorName">The error's name as the graph raised it.</param>
    /// <param name="errorMessage">The error's message.</param>
    /// <param name="runId">The run id, when known.</param>
    /// <param name="threadId">The thread id, when known.</param>
    /// <param name="error">The error payload as the server sent it.</param>
    protected LangGraphRunException(string message, string errorName, string errorMessage, string? runId, string? threadId, JsonElement error)
        : base(message)
    {
        ErrorName = errorName;
        ErrorMessage = errorMessage;
        RunId = runId;
        ThreadId = threadId;
        Error = error;
    }

    /// <summary>Gets the error's name as the graph raised it (for example <c>CustomError</c> or <c>GraphRecursionError</c>).</summary>
    public string ErrorName { get; } = "Error";

    /// <summary>Gets the error's message.</summary>
    public string ErrorMessage { get; } = string.Empty;

    /// <summary>Gets the id of the run that failed, when known.</summary>
    public string? RunId { get; }

    /// <summary>Gets the id of the run's thread, when known.</summary>
    public string? ThreadId { get; }

    /// <summary>Gets the error payload as the server sent it (a JSON undefined value when there was none).</summary>
    public JsonElement Error { get; }

    private static string FormatMessage(string errorName, string errorMessage, string? runId) =>
        runId is null ? $"The run failed: {errorName}: {errorMessage}" : $"Run {runId} failed: {errorName}: {errorMessage}";
}

using System;

namespace LangGraph.Sdk;

/// <summary>
/// The server answered a thread stream command with a protocol error (<c>{"type":"error","error":"invalid_argument",…}</c>),
/// or sent an unsolicited protocol error on a WebSocket. HTTP errors of the same calls (a missing thread, bad credentials)
/// keep their <see cref="LangGraphApiException"/> types.
/// </summary>
public class ThreadStreamProtocolException : LangGraphException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ThreadStreamProtocolException()
        : base("The server answered a thread stream command with an error.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public ThreadStreamProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ThreadStreamProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an error reply.</summary>
    /// <param name="code">The protocol error code, for example <c>invalid_argument</c>.</param>
    /// <param name="serverMessage">The server's message.</param>
    /// <param name="method">The command's method, when known.</param>
    /// <param name="commandId">The command's id; null for an unsolicited error.</param>
    public ThreadStreamProtocolException(string code, string serverMessage, string? method, int? commandId)
        : base(FormatMessage(code, serverMessage, method, commandId))
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        ServerMessage = serverMessage ?? string.Empty;
        Method = method;
        CommandId = commandId;
    }

    /// <summary>
    /// Gets the protocol error code: <c>invalid_argument</c>, <c>no_such_run</c>, <c>no_such_subscription</c>,
    /// <c>unknown_command</c>, <c>not_supported</c>, <c>unknown_error</c>, or another the server sends.
    /// </summary>
    public string Code { get; } = "unknown_error";

    /// <summary>Gets the server's message.</summary>
    public string ServerMessage { get; } = string.Empty;

    /// <summary>Gets the method of the command that failed (for example <c>run.start</c>), when known.</summary>
    public string? Method { get; }

    /// <summary>Gets the id of the command that failed; null for an error the server sent on its own.</summary>
    public int? CommandId { get; }

    private static string FormatMessage(string code, string serverMessage, string? method, int? commandId) =>
        method is null
            ? $"The thread stream server reported {code}: {serverMessage}"
            : $"The thread stream command {method} (id {commandId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) failed with {code}: {serverMessage}";
}

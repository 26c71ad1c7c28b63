using System;
using System.Text.Json;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Errors;

/// <summary>
/// Reads a run's error: an <c>error</c> event's data, or the <c>__error__</c> member of a waited-on result. The JS
/// server wraps the graph's error twice (<c>{"error":"Error","message":"{\"error\":\"CustomError\",…}"}</c>); the inner
/// name and message are taken when the message is such an object.
/// </summary>
internal static class RunErrors
{
    /// <summary>Returns the exception for a waited-on result that carries <c>__error__</c>, or null.</summary>
    public static LangGraphRunException? FromResult(JsonElement result, string? runId, string? threadId, CredentialRedactor? redactor = null) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty("__error__", out var error) && error.ValueKind != JsonValueKind.Null
            ? FromError(error, runId, threadId, redactor)
            : null;

    /// <summary>
    /// Returns the exception for an <c>error</c> payload. With a redactor, credentials a server echoed are masked in the
    /// payload, and in the name and message read from it (after parsing, so that JSON-escaped forms are caught too).
    /// </summary>
    /// <param name="error">The error payload.</param>
    /// <param name="runId">The run, when known.</param>
    /// <param name="threadId">The thread, when known.</param>
    /// <param name="redactor">Masks the caller's credentials, when given.</param>
    /// <param name="factory">Builds the exception (a subtype for RemoteGraph); a <see cref="LangGraphRunException"/> when null.</param>
    public static LangGraphRunException FromError(JsonElement error, string? runId, string? threadId, CredentialRedactor? redactor = null, RunErrorFactory? factory = null)
    {
        if (redactor is not null)
        {
            error = redactor.RedactJson(error);
        }

        var (name, message) = Read(error);
        if (redactor is not null)
        {
            (name, message) = (redactor.Redact(name), redactor.Redact(message));
        }

        return factory is null ? new LangGraphRunException(name, message, runId, threadId, error) : factory(name, message, runId, threadId, error);
    }

    /// <summary>Reads the error name and message of an error payload (the JS server's double wrapping undone).</summary>
    public static (string Name, string Message) Read(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return ("Error", error.GetString() ?? string.Empty);
        }

        if (error.ValueKind != JsonValueKind.Object)
        {
            return ("Error", error.ToString());
        }

        var name = String(error, "error") ?? String(error, "name") ?? "Error";
        var message = String(error, "message") ?? error.GetRawText();
        var trimmed = message.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '{')
        {
            try
            {
                using var inner = JsonDocument.Parse(message);
                if (inner.RootElement.ValueKind == JsonValueKind.Object && String(inner.RootElement, "error") is { } innerName)
                {
                    return (innerName, String(inner.RootElement, "message") ?? string.Empty);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the message is plain text that starts with a brace.
            }
        }

        return (name, message);
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

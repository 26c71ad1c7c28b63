using System;
using System.Collections.Generic;
using System.IO;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Streaming;

/// <summary>
/// Reads one connection's LangGraph SSE response incrementally with <see cref="SseParser"/>: each event's data is parsed
/// as JSON (an event without data gives a JSON null), ids persist across events as the SSE rules say (an empty <c>id:</c> after a real id gives the
/// reset marker <c>""</c>, which <see cref="RunStream"/> turns into "no cursor"), comments are
/// skipped, unknown event names pass through, and an event left without its blank line at the end is still dispatched.
/// A stream that ends in the middle of a line throws <see cref="SseTruncatedException"/>; a connection that drops throws
/// its <see cref="IOException"/>. Deciding what to do about either (reconnect or report) is the caller's job.
/// </summary>
internal static class SseReader
{
    /// <summary>Reads the events of one response body.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="source">The request, for error messages.</param>
    /// <param name="redactor">Masks credentials in the data preview of an invalid event.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static IAsyncEnumerable<StreamPart> ReadAsync(Stream stream, string source, CredentialRedactor? redactor, CancellationToken cancellationToken) =>
        ReadAsync(stream, source, redactor, LangGraphClientOptions.DefaultMaxStreamEventSize, cancellationToken);

    /// <summary>Reads the events of one response body, none larger than <paramref name="maxEventSize"/> bytes.</summary>
    /// <param name="stream">The response body.</param>
    /// <param name="source">The request, for error messages.</param>
    /// <param name="redactor">Masks credentials in the data preview of an invalid event.</param>
    /// <param name="maxEventSize">The largest event accepted, in bytes (<see cref="LangGraphClientOptions.MaxStreamEventSize"/>).</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static async IAsyncEnumerable<StreamPart> ReadAsync(Stream stream, string source, CredentialRedactor? redactor, long maxEventSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var guarded = new SseTailGuardStream(stream, maxEventSize, source);
        var parser = SseParser.Create(guarded, (eventType, data) => ParseData(eventType, data, source, redactor));
        var sawId = false;
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            // An empty id after a real one is an `id:` line that reset the cursor (SSE rules): it is passed on as "" so that
            // the caller forgets its cursor. Before any id, an empty id means "no id on this connection yet" (null).
            var id = parser.LastEventId;
            sawId |= id.Length > 0;
            yield return new StreamPart(item.EventType, item.Data, id.Length > 0 ? id : sawId ? string.Empty : null);
        }
    }

    internal static JsonElement ParseData(string eventType, ReadOnlySpan<byte> data, string source, CredentialRedactor? redactor = null)
    {
        if (data.Trim(" \t\r\n"u8).IsEmpty)
        {
            return JsonValues.Null;
        }

        try
        {
#if NET10_0_OR_GREATER
            // One pass over the data; the serializer path (JsonElement.ParseValue) reads each value twice.
            return JsonElement.Parse(data);
#else
            return JsonSerializer.Deserialize(data, LangGraphJsonContext.Default.JsonElement);
#endif
        }
        catch (JsonException ex)
        {
            // Redact before cutting to 200 characters, so that no part of a secret survives the cut.
            var text = System.Text.Encoding.UTF8.GetString(data[..Math.Min(data.Length, 64 * 1024)]);
            text = redactor?.Redact(text) ?? text;
            var preview = text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");
            var message = redactor?.Redact(ex.Message) ?? ex.Message;
            throw new LangGraphException(
                $"The '{eventType}' event of {source} does not carry valid JSON: {message} Data starts with: {preview}", ex);
        }
    }
}

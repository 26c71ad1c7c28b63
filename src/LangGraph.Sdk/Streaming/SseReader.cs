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
/// Reads a LangGraph SSE response incrementally with <see cref="SseParser"/>: each event's data is parsed as JSON
/// (an event without data gives a JSON null), ids persist across events as the SSE rules say, comments are skipped,
/// and unknown event names pass through.
/// </summary>
internal static class SseReader
{
    public static IAsyncEnumerable<StreamPart> ReadAsync(Stream stream, string source, CancellationToken cancellationToken) =>
        ReadAsync(stream, source, redactor: null, cancellationToken);

    /// <summary>Reads the events; <paramref name="redactor"/> masks credentials in the data preview of an invalid event.</summary>
    public static async IAsyncEnumerable<StreamPart> ReadAsync(Stream stream, string source, CredentialRedactor? redactor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parser = SseParser.Create(stream, (eventType, data) => ParseData(eventType, data, source, redactor));
        IAsyncEnumerator<SseItem<JsonElement>> enumerator = parser.EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (IOException ex)
                {
                    throw new LangGraphException($"The event stream of {source} was cut off: {ex.Message}", ex);
                }

                if (!moved)
                {
                    yield break;
                }

                var item = enumerator.Current;
                var id = string.IsNullOrEmpty(parser.LastEventId) ? null : parser.LastEventId;
                yield return new StreamPart(item.EventType, item.Data, id);
            }
        }
    }

    internal static JsonElement ParseData(string eventType, ReadOnlySpan<byte> data, string source, CredentialRedactor? redactor = null)
    {
        if (data.Trim(" \t\r\n"u8).IsEmpty)
        {
            return LangGraphJsonUtilities.Null;
        }

        try
        {
            return JsonSerializer.Deserialize(data, LangGraphJsonContext.Default.JsonElement);
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

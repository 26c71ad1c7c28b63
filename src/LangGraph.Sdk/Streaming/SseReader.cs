using System;
using System.Collections.Generic;
using System.IO;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Streaming;

/// <summary>
/// Reads a LangGraph SSE response incrementally with <see cref="SseParser"/>: each event's data is parsed as JSON
/// (an event without data gives a JSON null), ids persist across events as the SSE rules say, comments are skipped,
/// and unknown event names pass through.
/// </summary>
internal static class SseReader
{
    public static async IAsyncEnumerable<StreamPart> ReadAsync(Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parser = SseParser.Create(stream, (eventType, data) => ParseData(eventType, data, source));
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

    internal static JsonElement ParseData(string eventType, ReadOnlySpan<byte> data, string source)
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
            var length = Math.Min(data.Length, 200);
            var preview = System.Text.Encoding.UTF8.GetString(data[..length]);
            throw new LangGraphException(
                $"The '{eventType}' event of {source} does not carry valid JSON: {ex.Message} Data starts with: {preview}", ex);
        }
    }
}

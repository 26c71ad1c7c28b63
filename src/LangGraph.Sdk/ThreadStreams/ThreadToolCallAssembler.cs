using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// Assembles tool executions from <c>tools</c> events, as the JS SDK's <c>ToolCallAssembler</c>: <c>tool-started</c> opens a
/// call (its input parsed when it is JSON text), <c>tool-output-delta</c> adds a chunk, <c>tool-finished</c> completes it
/// with the tool message's content (parsed when it is JSON text), <c>tool-error</c> fails it. One per reader; not thread-safe.
/// </summary>
internal sealed class ThreadToolCallAssembler
{
    private readonly Dictionary<string, Pending> _active = new(StringComparer.Ordinal);

    /// <summary>Applies one event; a call it completes goes to <paramref name="completed"/>.</summary>
    public void Apply(ThreadEvent e, List<ThreadToolCall> completed)
    {
        if (e.Method != "tools" || e.Data.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var data = e.Data;
        if (Str(data, "tool_call_id") is not { } callId)
        {
            return;
        }

        switch (Str(data, "event"))
        {
            case "tool-started":
                _active[callId] = new Pending(Str(data, "tool_name"), e.Namespace, Parse(data.TryGetProperty("input"u8, out var input) ? input : JsonValues.Null));
                break;
            case "tool-output-delta" when _active.TryGetValue(callId, out var running):
                if (data.TryGetProperty("delta"u8, out var delta))
                {
                    running.Deltas.Add(delta);
                }

                break;
            case "tool-finished" when _active.Remove(callId, out var finished):
                var output = data.TryGetProperty("output"u8, out var o) ? Output(o) : JsonValues.Null;
                completed.Add(new ThreadToolCall(callId, finished.Name, finished.Namespace, finished.Input, output, finished.Deltas, null, ThreadToolCallStatus.Finished));
                break;
            case "tool-error" when _active.Remove(callId, out var failed):
                completed.Add(new ThreadToolCall(
                    callId, failed.Name, failed.Namespace, failed.Input, null, failed.Deltas, Str(data, "message") ?? "error", ThreadToolCallStatus.Failed));
                break;
        }
    }

    /// <summary>The run ended: every unfinished call completes as <see cref="ThreadToolCallStatus.Aborted"/>.</summary>
    public void Abandon(List<ThreadToolCall> completed)
    {
        completed.AddRange(_active.Select(p => new ThreadToolCall(p.Key, p.Value.Name, p.Value.Namespace, p.Value.Input, null, p.Value.Deltas, "aborted", ThreadToolCallStatus.Aborted)));
        _active.Clear();
    }

    /// <summary>A tool message's content (a Command's update is passed as it is), parsed when it is JSON text.</summary>
    private static JsonElement Output(JsonElement output) =>
        output.ValueKind == JsonValueKind.Object && output.TryGetProperty("content"u8, out var content) ? Parse(content) : Parse(output);

    /// <summary>JSON text parsed; any other value (or text that is not JSON) as it is.</summary>
    private static JsonElement Parse(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        var text = value.GetString()!.AsSpan().Trim();
        if (text.Length == 0 || (text[0] != '{' && text[0] != '['))
        {
            return value;
        }

        try
        {
            return JsonSerializer.Deserialize(value.GetString()!, LangGraphJsonContext.Default.JsonElement);
        }
        catch (JsonException)
        {
            return value;
        }
    }

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record Pending(string? Name, IReadOnlyList<string> Namespace, JsonElement Input)
    {
        public List<JsonElement> Deltas { get; } = [];
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// Assembles chat model messages from <c>messages</c> events, as the JS SDK's <c>StreamingMessageAssembler</c> does: one
/// message per <c>message-start</c> (keyed by namespace and model run id), deltas applied per content block (text, reasoning,
/// tool-call arguments and data concatenated; <c>block-delta</c> fields merged), <c>content-block-finish</c> replacing
/// the block, <c>message-finish</c> (or <c>error</c>) completing it. One assembler per reader; not thread-safe.
/// </summary>
internal sealed class ThreadMessageAssembler
{
    private readonly Dictionary<string, MessageState> _active = new(StringComparer.Ordinal);

    /// <summary>Applies one event: the chunks it adds go to <paramref name="deltas"/>, the messages it completes to <paramref name="completed"/>.</summary>
    public void Apply(ThreadEvent e, List<ThreadMessageDelta>? deltas, List<ThreadMessage>? completed)
    {
        if (e.Method != "messages" || e.Data.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var data = e.Data;
        var kind = Str(data, "event");
        var runId = Str(data, "run_id");
        var key = Key(e.Namespace, runId);
        if (kind == "message-start")
        {
            var id = Str(data, "id") ?? runId ?? $"message-{e.Seq}";
            _active[key] = new MessageState(id, e.Namespace, e.Node, runId) { Usage = Member(data, "usage") };
            return;
        }

        if (!_active.TryGetValue(key, out var message))
        {
            return; // an event of a message that started before this reader: its start is unknown
        }

        message.Node ??= e.Node;
        var index = data.TryGetProperty("index"u8, out var i) && i.TryGetInt32(out var n) ? n : 0;
        switch (kind)
        {
            case "content-block-start":
                message.Block(index).Start(Member(data, "content"));
                break;
            case "content-block-delta":
                if (message.Block(index).Apply(data) is { } delta && deltas is not null)
                {
                    deltas.Add(new ThreadMessageDelta(message.Id, message.Namespace, index, delta.Kind, delta.Text));
                }

                break;
            case "content-block-finish":
                message.Block(index).Finish(Member(data, "content"));
                break;
            case "usage":
                message.Usage = Member(data, "usage") ?? message.Usage;
                break;
            case "message-finish":
                message.FinishReason = Str(data, "reason");
                message.Usage = Member(data, "usage") ?? message.Usage;
                _active.Remove(key);
                completed?.Add(message.Build(error: null));
                break;
            case "error":
                _active.Remove(key);
                completed?.Add(message.Build(Str(data, "message") ?? "error"));
                break;
        }
    }

    /// <summary>The run ended: every unfinished message completes with the error <c>aborted</c>.</summary>
    public void Abandon(List<ThreadMessage>? completed)
    {
        if (completed is not null)
        {
            completed.AddRange(_active.Values.Select(m => m.Build("aborted")));
        }

        _active.Clear();
    }

    private static string Key(IReadOnlyList<string> ns, string? runId) => string.Join('\u0000', ns) + '\u0001' + runId;

    private static string? Str(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;

    private sealed class MessageState(string id, IReadOnlyList<string> ns, string? node, string? runId)
    {
        private readonly SortedDictionary<int, BlockState> _blocks = [];

        public string Id { get; } = id;

        public IReadOnlyList<string> Namespace { get; } = ns;

        public string? Node { get; set; } = node;

        public JsonElement? Usage { get; set; }

        public string? FinishReason { get; set; }

        public BlockState Block(int index)
        {
            if (!_blocks.TryGetValue(index, out var block))
            {
                _blocks[index] = block = new BlockState();
            }

            return block;
        }

        public ThreadMessage Build(string? error)
        {
            var blocks = _blocks.Values.Select(b => b.ToElement()).ToList();
            var text = new StringBuilder();
            var toolCalls = new List<ThreadMessageToolCall>();
            foreach (var block in blocks)
            {
                var type = block.ValueKind == JsonValueKind.Object ? Str(block, "type") : null;
                if (type == "text" && Str(block, "text") is { } t)
                {
                    text.Append(t);
                }
                else if (type is "tool_call" or "tool_call_chunk" or "tool-call")
                {
                    toolCalls.Add(new ThreadMessageToolCall(Str(block, "id"), Str(block, "name"), Args(block)));
                }
            }

            return new ThreadMessage(Id, Namespace, Node, runId, blocks, text.ToString(), toolCalls, FinishReason, Usage, error);
        }

        private static JsonElement Args(JsonElement block)
        {
            if (!block.TryGetProperty("args"u8, out var args))
            {
                return JsonValues.EmptyObject;
            }

            if (args.ValueKind != JsonValueKind.String)
            {
                return args;
            }

            var s = args.GetString()!;
            if (s.Length == 0)
            {
                return JsonValues.EmptyObject;
            }

            try
            {
                return JsonSerializer.Deserialize(s, LangGraphJsonContext.Default.JsonElement);
            }
            catch (JsonException)
            {
                return args; // incomplete arguments: their text
            }
        }
    }

    /// <summary>One content block: its last full form, and the text appended to it since, kept in builders so that assembly stays linear.</summary>
    private sealed class BlockState
    {
        private JsonObject _base = [];
        private StringBuilder? _text;
        private StringBuilder? _reasoning;
        private StringBuilder? _args;
        private StringBuilder? _data;

        public void Start(JsonElement? content) => Replace(content);

        public void Finish(JsonElement? content) => Replace(content);

        public (string Kind, string Text)? Apply(JsonElement data)
        {
            if (data.TryGetProperty("content"u8, out var content) && content.ValueKind == JsonValueKind.Object)
            {
                Merge(content);
                return null;
            }

            if (!data.TryGetProperty("delta"u8, out var delta) || delta.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            switch (Str(delta, "type"))
            {
                case "text-delta":
                    var text = Str(delta, "text") ?? string.Empty;
                    SetType("text");
                    (_text ??= Seed("text")).Append(text);
                    return ("text", text);
                case "reasoning-delta":
                    var reasoning = Str(delta, "reasoning") ?? string.Empty;
                    SetType("reasoning");
                    (_reasoning ??= Seed("reasoning")).Append(reasoning);
                    return ("reasoning", reasoning);
                case "tool-call-delta":
                    var args = Str(delta, "args") ?? string.Empty;
                    (_args ??= Seed("args")).Append(args);
                    return ("tool-call", args);
                case "data-delta":
                    var chunk = Str(delta, "data") ?? string.Empty;
                    (_data ??= Seed("data")).Append(chunk);
                    if (Str(delta, "encoding") is { } encoding)
                    {
                        _base["encoding"] = encoding;
                    }

                    return ("data", chunk);
                case "block-delta":
                    if (delta.TryGetProperty("fields"u8, out var fields) && fields.ValueKind == JsonValueKind.Object)
                    {
                        Merge(fields);
                    }

                    return null;
                default:
                    return null;
            }
        }

        public JsonElement ToElement()
        {
            var copy = (JsonObject)_base.DeepClone();
            Put(copy, "text", _text);
            Put(copy, "reasoning", _reasoning);
            Put(copy, "args", _args);
            Put(copy, "data", _data);
            return JsonSerializer.SerializeToElement(copy, LangGraphJsonContext.Default.JsonObject);
        }

        private static void Put(JsonObject obj, string name, StringBuilder? builder)
        {
            if (builder is not null)
            {
                obj[name] = builder.ToString();
            }
        }

        private void SetType(string type)
        {
            if (!_base.ContainsKey("type"))
            {
                _base["type"] = type;
            }
        }

        private StringBuilder Seed(string name)
        {
            var seed = _base[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s : string.Empty;
            return new StringBuilder(seed);
        }

        private void Replace(JsonElement? content)
        {
            _base = content is { ValueKind: JsonValueKind.Object } obj ? JsonObject.Create(obj)!.DeepClone().AsObject() : [];
            _text = _reasoning = _args = _data = null;
        }

        private void Merge(JsonElement fields)
        {
            Flush();
            foreach (var field in fields.EnumerateObject())
            {
                _base[field.Name] = JsonNode.Parse(field.Value.GetRawText());
            }
        }

        private void Flush()
        {
            Put(_base, "text", _text);
            Put(_base, "reasoning", _reasoning);
            Put(_base, "args", _args);
            Put(_base, "data", _data);
            _text = _reasoning = _args = _data = null;
        }
    }
}

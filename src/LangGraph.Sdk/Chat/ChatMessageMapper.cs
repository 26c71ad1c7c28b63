using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;
using Microsoft.Extensions.AI;

namespace LangGraph.Sdk.Chat;

/// <summary>
/// Maps <see cref="ChatMessage"/>s to LangGraph (LangChain) message dicts for a run's <c>messages</c> input, and the
/// run's <c>messages-tuple</c> and <c>updates</c> stream parts back to <see cref="ChatResponseUpdate"/>s.
/// </summary>
internal static class ChatMessageMapper
{
    /// <summary>The input <c>{"messages": [...]}</c>: user → human, assistant → ai, system, tool.</summary>
    public static JsonObject ToInput(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = new JsonArray();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            list.Add((JsonNode)new JsonObject { ["type"] = "system", ["content"] = options.Instructions });
        }

        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            foreach (var mapped in ToLangGraph(message))
            {
                list.Add((JsonNode)mapped);
            }
        }

        return new JsonObject { ["messages"] = list };
    }

    /// <summary>One chat message as LangGraph messages: its text (with tool calls on an ai message), then one tool message per function result.</summary>
    public static IEnumerable<JsonObject> ToLangGraph(ChatMessage message)
    {
        var type = TypeOf(message.Role);
        var text = new StringBuilder();
        var toolCalls = new JsonArray();
        var results = new List<JsonObject>();
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                case TextContent t:
                    text.Append(t.Text);
                    break;
                case FunctionCallContent call when type == "ai":
                    toolCalls.Add((JsonNode)new JsonObject
                    {
                        ["id"] = call.CallId,
                        ["name"] = call.Name,
                        ["args"] = ArgumentsOf(call.Arguments),
                        ["type"] = "tool_call",
                    });
                    break;
                case FunctionResultContent result:
                    results.Add(new JsonObject
                    {
                        ["type"] = "tool",
                        ["tool_call_id"] = result.CallId,
                        ["content"] = ResultText(result.Result),
                    });
                    break;
                case UsageContent:
                    break;
                default:
                    throw new NotSupportedException($"A {message.Role} message with {content.GetType().Name} cannot be sent to a LangGraph graph; only text, function calls (assistant) and function results are mapped.");
            }
        }

        if (type == "tool" && results.Count > 0 && text.Length == 0)
        {
            return results;
        }

        if (type == "tool")
        {
            throw new NotSupportedException("A tool message needs a FunctionResultContent (the tool_call_id it answers).");
        }

        var mapped = new JsonObject { ["type"] = type, ["content"] = text.ToString() };
        if (message.MessageId is { Length: > 0 } id)
        {
            mapped["id"] = id;
        }

        if (toolCalls.Count > 0)
        {
            mapped["tool_calls"] = toolCalls;
        }

        var all = new List<JsonObject>(results.Count + 1);
        if (text.Length > 0 || toolCalls.Count > 0 || results.Count == 0)
        {
            all.Add(mapped);
        }

        all.AddRange(results);
        return all;
    }

    /// <summary>The LangGraph message type of a chat role.</summary>
    public static string TypeOf(ChatRole role)
    {
        if (role == ChatRole.User)
        {
            return "human";
        }

        if (role == ChatRole.Assistant)
        {
            return "ai";
        }

        if (role == ChatRole.System)
        {
            return "system";
        }

        if (role == ChatRole.Tool)
        {
            return "tool";
        }

        throw new NotSupportedException($"The chat role '{role}' has no LangGraph message type (user, assistant, system and tool do).");
    }

    /// <summary>
    /// The updates of one stream part. <c>messages</c> (messages-tuple) chunks give text deltas and tool results;
    /// complete ai messages in <c>updates</c> give the tool calls (informational: the graph ran them) and the usage.
    /// Subgraph (namespaced) parts are skipped. An <c>__interrupt__</c> update throws <see cref="LangGraphInterruptException"/>.
    /// </summary>
    public static IEnumerable<ChatResponseUpdate> ToUpdates(StreamPart part, string threadId, ref string? runId)
    {
        if (part.Namespace.Count > 0)
        {
            return [];
        }

        switch (part.Mode)
        {
            case "metadata":
                if (part.Data.ValueKind == JsonValueKind.Object && part.Data.TryGetProperty("run_id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    runId = id.GetString();
                }

                return [];
            case "messages":
                return part.Data.ValueKind == JsonValueKind.Array && part.Data.GetArrayLength() > 0
                    ? FromChunk(part, part.Data[0], threadId, runId)
                    : [];
            case "updates":
                if (InterruptData.TryGetList(part.Data, out _))
                {
                    throw new LangGraphInterruptException(threadId, runId, InterruptData.Read(part.Data));
                }

                return FromNodeUpdates(part, threadId, runId);
            default:
                return [];
        }
    }

    private static List<ChatResponseUpdate> FromChunk(StreamPart part, JsonElement chunk, string threadId, string? runId)
    {
        var updates = new List<ChatResponseUpdate>(1);
        if (chunk.ValueKind != JsonValueKind.Object)
        {
            return updates;
        }

        var type = StringOf(chunk, "type");
        if (type is "ai" or "AIMessageChunk")
        {
            var text = TextOf(chunk);
            if (text.Length > 0)
            {
                updates.Add(Update(ChatRole.Assistant, chunk, part, threadId, runId, new TextContent(text)));
            }
        }
        else if (type is "tool" or "ToolMessageChunk" or "ToolMessage")
        {
            var result = new FunctionResultContent(StringOf(chunk, "tool_call_id") ?? string.Empty, TextOf(chunk)) { RawRepresentation = chunk };
            updates.Add(Update(ChatRole.Tool, chunk, part, threadId, runId, result));
        }

        return updates;
    }

    private static List<ChatResponseUpdate> FromNodeUpdates(StreamPart part, string threadId, string? runId)
    {
        var updates = new List<ChatResponseUpdate>();
        if (part.Data.ValueKind != JsonValueKind.Object)
        {
            return updates;
        }

        foreach (var node in part.Data.EnumerateObject())
        {
            if (node.Value.ValueKind != JsonValueKind.Object || !node.Value.TryGetProperty("messages", out var messages))
            {
                continue;
            }

            foreach (var message in messages.ValueKind == JsonValueKind.Array ? messages.EnumerateArray() : SingleOf(messages))
            {
                if (message.ValueKind != JsonValueKind.Object || StringOf(message, "type") is not ("ai" or "AIMessage" or "AIMessageChunk"))
                {
                    continue;
                }

                var contents = new List<AIContent>();
                if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
                {
                    foreach (var call in calls.EnumerateArray())
                    {
                        contents.Add(new FunctionCallContent(StringOf(call, "id") ?? string.Empty, StringOf(call, "name") ?? string.Empty, ArgumentsOf(call))
                        {
                            InformationalOnly = true,
                            RawRepresentation = call,
                        });
                    }
                }

                if (UsageOf(message) is { } usage)
                {
                    contents.Add(new UsageContent(usage));
                }

                if (contents.Count > 0)
                {
                    updates.Add(Update(ChatRole.Assistant, message, part, threadId, runId, [.. contents]));
                }
            }
        }

        return updates;
    }

    /// <summary>A message's <c>usage_metadata</c> as <see cref="UsageDetails"/>, or null when it has none.</summary>
    public static UsageDetails? UsageOf(JsonElement message)
    {
        if (!message.TryGetProperty("usage_metadata", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var details = new UsageDetails
        {
            InputTokenCount = LongOf(usage, "input_tokens"),
            OutputTokenCount = LongOf(usage, "output_tokens"),
            TotalTokenCount = LongOf(usage, "total_tokens"),
        };
        if (usage.TryGetProperty("input_token_details", out var input) && input.ValueKind == JsonValueKind.Object)
        {
            details.CachedInputTokenCount = LongOf(input, "cache_read");
        }

        if (usage.TryGetProperty("output_token_details", out var output) && output.ValueKind == JsonValueKind.Object)
        {
            details.ReasoningTokenCount = LongOf(output, "reasoning");
        }

        return details;
    }

    private static ChatResponseUpdate Update(ChatRole role, JsonElement message, StreamPart part, string threadId, string? runId, params AIContent[] contents) =>
        new(role, contents)
        {
            MessageId = StringOf(message, "id"),
            ConversationId = threadId,
            ResponseId = runId,
            RawRepresentation = part,
        };

    /// <summary>A message's text: string content, or the <c>text</c> parts of a content-block list.</summary>
    public static string TextOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString() ?? string.Empty;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            return content.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? string.Empty : content.GetRawText();
        }

        var text = new StringBuilder();
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.String)
            {
                text.Append(block.GetString());
            }
            else if (block.ValueKind == JsonValueKind.Object && StringOf(block, "type") == "text")
            {
                text.Append(StringOf(block, "text"));
            }
        }

        return text.ToString();
    }

    private static Dictionary<string, object?> ArgumentsOf(JsonElement call)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (call.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in args.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        return arguments;
    }

    private static JsonObject ArgumentsOf(IDictionary<string, object?>? arguments)
    {
        var args = new JsonObject();
        if (arguments is null)
        {
            return args;
        }

        var typeInfo = AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object));
        foreach (var (name, value) in arguments)
        {
            args[name] = value is null ? null : JsonSerializer.SerializeToNode(value, typeInfo);
        }

        return args;
    }

    private static string ResultText(object? result) => result switch
    {
        null => string.Empty,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? string.Empty,
        JsonElement e => e.GetRawText(),
        // Compact JSON text (AIJsonUtilities.DefaultOptions indents).
        _ => JsonSerializer.SerializeToNode(result, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(object)))?.ToJsonString() ?? "null",
    };

    private static IEnumerable<JsonElement> SingleOf(JsonElement element)
    {
        yield return element;
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? LongOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    /// <summary>The input as the run body's <c>input</c>, through the SDK's source-generated context.</summary>
    public static JsonElement ToElement(JsonObject input) => JsonSerializer.SerializeToElement(input, LangGraphJsonContext.Default.JsonObject);
}

using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>One <c>messages-tuple</c> chunk: an LLM message (or message chunk) and the metadata of the node that produced it.</summary>
/// <param name="Message">The message, for example <c>{"type":"AIMessageChunk","content":"Hel","id":"…"}</c>.</param>
/// <param name="Metadata">The metadata: <c>langgraph_node</c>, <c>langgraph_step</c>, tags, the run's configurable values….</param>
public readonly record struct StreamMessage(JsonElement Message, JsonElement Metadata)
{
    /// <summary>Gets the message's text content when it is a string (a token chunk), otherwise null.</summary>
    public string? Content =>
        Message.ValueKind == JsonValueKind.Object && Message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()
            : null;

    /// <summary>Gets the node that produced the message (<c>langgraph_node</c>), when the metadata says.</summary>
    public string? Node =>
        Metadata.ValueKind == JsonValueKind.Object && Metadata.TryGetProperty("langgraph_node", out var node) && node.ValueKind == JsonValueKind.String
            ? node.GetString()
            : null;

    /// <summary>Reads the data of a <c>messages</c> event as a message and its metadata: a two-item array.</summary>
    internal static bool TryRead(JsonElement data, out StreamMessage message)
    {
        if (data.ValueKind == JsonValueKind.Array && data.GetArrayLength() == 2)
        {
            message = new StreamMessage(data[0], data[1]);
            return true;
        }

        message = default;
        return false;
    }
}

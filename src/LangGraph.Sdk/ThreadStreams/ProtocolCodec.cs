using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// The framing of the thread streaming protocol, shared by both transports: writes a command
/// (<c>{"id":n,"method":"…","params":{…}}</c>) and reads a frame (an event or a reply; SSE <c>data:</c> and WebSocket
/// text frames carry the same JSON).
/// </summary>
internal static class ProtocolCodec
{
    /// <summary>Writes a command as UTF-8 JSON; <paramref name="params"/> is omitted when null.</summary>
    /// <param name="id">The command id (from 1, one per command of a stream).</param>
    /// <param name="method">The method, for example <c>run.start</c>.</param>
    /// <param name="params">A request record of <see cref="LangGraphJsonContext"/>, a <see cref="JsonElement"/>, or null.</param>
    public static byte[] WriteCommand(int id, string method, object? @params)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        var command = new ProtocolCommandRequest { Id = id, Method = method, Params = Params(@params) };
        return JsonSerializer.SerializeToUtf8Bytes(command, LangGraphJsonContext.Default.ProtocolCommandRequest);
    }

    /// <summary>Reads one frame from its UTF-8 JSON.</summary>
    /// <exception cref="LangGraphException">The bytes are not JSON, or not a protocol frame; the message says what was wrong.</exception>
    public static ProtocolFrame ParseFrame(ReadOnlySpan<byte> utf8)
    {
        JsonElement root;
        try
        {
#if NET10_0_OR_GREATER
            root = JsonElement.Parse(utf8);
#else
            root = JsonSerializer.Deserialize(utf8, LangGraphJsonContext.Default.JsonElement);
#endif
        }
        catch (JsonException ex)
        {
            throw new LangGraphException($"A thread stream frame is not valid JSON: {ex.Message}", ex);
        }

        return ParseFrame(root);
    }

    /// <summary>Reads one frame from its parsed JSON (an SSE event's data is parsed once, by the SSE reader).</summary>
    /// <exception cref="LangGraphException">The JSON is not a protocol frame; the message says what was wrong.</exception>
    public static ProtocolFrame ParseFrame(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"a JSON {Kind(root)} instead of an object");
        }

        var type = root.TryGetProperty("type"u8, out var typeElement) && typeElement.ValueKind == JsonValueKind.String ? typeElement.GetString() : null;
        return type switch
        {
            "event" => new ProtocolFrame(ParseEvent(root), null),
            "success" => new ProtocolFrame(null, new ProtocolReply(ReadId(root), true, Member(root, "result"u8), null, null, AppliedThroughSeq(root))),
            "error" => new ProtocolFrame(null, new ProtocolReply(
                ReadId(root), false, default, String(root, "error"u8) ?? "unknown_error", String(root, "message"u8) ?? string.Empty, AppliedThroughSeq(root))),
            null => throw Invalid("no \"type\""),
            _ => throw Invalid($"the unknown type \"{type}\""),
        };
    }

    /// <summary>The exception an error reply becomes.</summary>
    /// <param name="reply">The error reply.</param>
    /// <param name="method">The method of the command it answers (null for an unsolicited error).</param>
    /// <param name="redactor">Masks credentials a server may have echoed in its message.</param>
    public static ThreadStreamProtocolException ToException(ProtocolReply reply, string? method, CredentialRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var message = reply.Message ?? string.Empty;
        return new ThreadStreamProtocolException(reply.ErrorCode ?? "unknown_error", redactor?.Redact(message) ?? message, method, reply.Id);
    }

    /// <summary>
    /// The channel of an event, as the server infers it: the method, <c>input</c> for <c>input.requested</c> and
    /// <c>input.answered</c>, <c>custom:&lt;name&gt;</c> for a custom event whose data has a <c>name</c>.
    /// </summary>
    public static string InferChannel(string method, JsonElement data) => method switch
    {
        "input.requested" or "input.answered" or "input" => ThreadChannels.Input,
        "custom" when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("name"u8, out var name) && name.ValueKind == JsonValueKind.String
            => "custom:" + name.GetString(),
        _ => method,
    };

    private static JsonElement? Params(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonElement element:
                return element;
        }

        JsonTypeInfo typeInfo;
        try
        {
            typeInfo = LangGraphJsonContext.Default.Options.GetTypeInfo(value.GetType());
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException($"The command params type {value.GetType().Name} is not known to LangGraphJsonContext.", nameof(value), ex);
        }

        return JsonSerializer.SerializeToElement(value, typeInfo);
    }

    private static ThreadEvent ParseEvent(JsonElement root)
    {
        var method = String(root, "method"u8) ?? throw Invalid("an event without \"method\"");
        long seq;
        if (root.TryGetProperty("seq"u8, out var seqElement) && seqElement.ValueKind == JsonValueKind.Number && seqElement.TryGetInt64(out var number))
        {
            seq = number;
        }
        else if (seqElement.ValueKind == JsonValueKind.String && long.TryParse(seqElement.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            seq = parsed;
        }
        else
        {
            throw Invalid($"a {method} event without an integer \"seq\"");
        }

        var eventId = root.TryGetProperty("event_id"u8, out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText())
            : seq.ToString(CultureInfo.InvariantCulture);

        if (!root.TryGetProperty("params"u8, out var @params) || @params.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"the {method} event {eventId} without \"params\"");
        }

        var data = @params.TryGetProperty("data"u8, out var dataElement) ? dataElement : JsonValues.Null;
        var timestamp = @params.TryGetProperty("timestamp"u8, out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out var ms) ? ms : 0L;
        return new ThreadEvent(seq, eventId, method, InferChannel(method, data), Namespace(@params, method, eventId), String(@params, "node"u8), timestamp, data);
    }

    private static string[] Namespace(JsonElement @params, string method, string eventId)
    {
        if (!@params.TryGetProperty("namespace"u8, out var ns) || ns.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (ns.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"the {method} event {eventId} with a \"namespace\" that is not an array");
        }

        var length = ns.GetArrayLength();
        if (length == 0)
        {
            return [];
        }

        var segments = new string[length];
        var i = 0;
        foreach (var segment in ns.EnumerateArray())
        {
            segments[i++] = segment.ValueKind == JsonValueKind.String
                ? segment.GetString()!
                : throw Invalid($"the {method} event {eventId} with a namespace segment that is not a string");
        }

        return segments;
    }

    private static int? ReadId(JsonElement root) =>
        root.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt32(out var value) ? value : null;

    private static long? AppliedThroughSeq(JsonElement root) =>
        root.TryGetProperty("meta"u8, out var meta) && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("applied_through_seq"u8, out var seq) && seq.ValueKind == JsonValueKind.Number && seq.TryGetInt64(out var value)
            ? value
            : null;

    private static JsonElement Member(JsonElement root, ReadOnlySpan<byte> name) =>
        root.TryGetProperty(name, out var value) ? value : JsonValues.Null;

    private static string? String(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    private static LangGraphException Invalid(string what) => new($"A thread stream frame is not a protocol event or reply: it has {what}.");
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth.Routing;

/// <summary>Reads the fields of an event's value from a request body, leniently: a missing or mistyped field is absent.</summary>
internal readonly struct JsonBody
{
    private readonly JsonElement _root;
    private readonly bool _isObject;

    public JsonBody(JsonElement? body)
    {
        _isObject = body is { ValueKind: JsonValueKind.Object };
        _root = _isObject ? body!.Value : default;
    }

    public JsonBody(JsonElement element, bool isObject)
    {
        _root = element;
        _isObject = isObject;
    }

    public bool TryGet(string name, out JsonElement value)
    {
        value = default;
        return _isObject && _root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
    }

    public string? String(string name) => TryGet(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public int Int(string name, int fallback) => NullableInt(name) ?? fallback;

    public int? NullableInt(string name) => TryGet(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public double? Double(string name) => TryGet(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public bool? Boolean(string name) => TryGet(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    public DateTimeOffset? DateTime(string name) => TryGet(name, out var v) && v.ValueKind == JsonValueKind.String && v.TryGetDateTimeOffset(out var d) ? d : null;

    /// <summary>A JSON object field, copied so that it outlives the host's <see cref="JsonDocument"/>.</summary>
    public JsonObject? Object(string name) => TryGet(name, out var v) && v.ValueKind == JsonValueKind.Object ? JsonObject.Create(v.Clone()) : null;

    public JsonObject Metadata(string name = "metadata") => Object(name) ?? new JsonObject();

    public JsonNode? Node(string name) => TryGet(name, out var v) ? JsonNode.Parse(v.GetRawText()) : null;

    public List<string>? StringList(string name)
    {
        if (!TryGet(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }

    /// <summary>The whole body as a JSON object (a copy), or null when it is not an object.</summary>
    public JsonObject? Whole() => _isObject ? JsonObject.Create(_root.Clone()) : null;
}

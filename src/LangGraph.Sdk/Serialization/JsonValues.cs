using System;
using System.Buffers;
using System.Text.Json;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// The SDK's one JSON <c>null</c> and empty object, and small edits of JSON objects (adding or removing one member),
/// producing new standalone elements.
/// </summary>
internal static class JsonValues
{
    /// <summary>Gets a standalone JSON <c>null</c>.</summary>
    public static JsonElement Null { get; } = Parse("null"u8);

    /// <summary>Gets a standalone empty JSON object.</summary>
    public static JsonElement EmptyObject { get; } = Parse("{}"u8);

    /// <summary>Returns a copy of <paramref name="obj"/> without the member <paramref name="name"/>.</summary>
    public static JsonElement Without(JsonElement obj, string name) => Rewrite(obj, name, replacement: null);

    /// <summary>Returns a copy of <paramref name="obj"/> with the member <paramref name="name"/> set (last) to <paramref name="value"/>.</summary>
    public static JsonElement With(JsonElement obj, string name, JsonElement value) => Rewrite(obj, name, value);

    private static JsonElement Rewrite(JsonElement obj, string name, JsonElement? replacement)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A JSON object is required.", nameof(obj));
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in obj.EnumerateObject())
            {
                if (!property.NameEquals(name))
                {
                    property.WriteTo(writer);
                }
            }

            if (replacement is { } value)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Parse(buffer.WrittenSpan);
    }

    private static JsonElement Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        return JsonElement.ParseValue(ref reader);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// The models read from one parsed document (<see cref="LangGraphThread"/>, <see cref="Run"/>, <see cref="Assistant"/>,
/// <see cref="ThreadState"/>):
/// a whole response body of one of them, or a list of them, is parsed once and each model built from its element,
/// its free-form members kept as elements of that document; and the member readers their converters share, which
/// turn a value of the wrong kind into a <see cref="JsonException"/> naming the member, as the serializer does.
/// </summary>
internal static class ElementModels
{
    /// <summary>
    /// Reads a whole response body of type <typeparamref name="T"/> as one document when it is one of these models or a
    /// list of them (on net10, where <see cref="JsonElement"/> parses a span in one pass; a list read through the
    /// serializer makes one document per model): false for any other type, which the serializer reads.
    /// </summary>
    internal static bool TryReadBody<T>(ReadOnlySpan<byte> body, out T? value)
    {
#if NET10_0_OR_GREATER
        if (typeof(T) == typeof(LangGraphThread) || typeof(T) == typeof(List<LangGraphThread>)
            || typeof(T) == typeof(Run) || typeof(T) == typeof(List<Run>)
            || typeof(T) == typeof(Assistant) || typeof(T) == typeof(List<Assistant>)
            || typeof(T) == typeof(ThreadState) || typeof(T) == typeof(List<ThreadState>))
        {
            var element = JsonElement.Parse(body);
            value = element.ValueKind == JsonValueKind.Null ? default
                : typeof(T) == typeof(LangGraphThread) ? (T)(object)LangGraphThreadConverter.FromElement(element)
                : typeof(T) == typeof(List<LangGraphThread>) ? (T)(object)ListFromElement(element, LangGraphThreadConverter.FromElement)
                : typeof(T) == typeof(Run) ? (T)(object)RunConverter.FromElement(element)
                : typeof(T) == typeof(List<Run>) ? (T)(object)ListFromElement(element, RunConverter.FromElement)
                : typeof(T) == typeof(Assistant) ? (T)(object)AssistantConverter.FromElement(element)
                : typeof(T) == typeof(List<Assistant>) ? (T)(object)ListFromElement(element, AssistantConverter.FromElement)
                : typeof(T) == typeof(ThreadState) ? (T)(object)ThreadStateConverter.FromElement(element)
                : (T)(object)ListFromElement(element, ThreadStateConverter.FromElement);
            return true;
        }
#endif
        value = default;
        return false;
    }

    /// <summary>A list of models from its JSON array, which they keep.</summary>
    internal static List<T> ListFromElement<T>(JsonElement array, Func<JsonElement, T> read)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"Expected a JSON array of {typeof(T).Name}, got {array.ValueKind}.");
        }

        var list = new List<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            list.Add(read(item));
        }

        return list;
    }

    /// <summary>Throws unless <paramref name="element"/> is an object: the JSON of a model named <paramref name="model"/>.</summary>
    internal static void EnsureObject(JsonElement element, string model)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object for {model}, got {element.ValueKind}.");
        }
    }

    // The UTF-8 of a decoded member name, per thread: a name is matched before the next one is read.
    [ThreadStatic]
    private static byte[]? t_name;

    /// <summary>
    /// A member's name as UTF-8, to be matched before the next name is read: the raw bytes when the name has no escape
    /// (net9 and later), else the decoded name in a buffer of the thread's (a new array only for a name over 64 bytes).
    /// </summary>
    internal static ReadOnlySpan<byte> Utf8Name(JsonProperty property)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return raw;
        }
#endif
        var name = property.Name;
        if (Encoding.UTF8.GetMaxByteCount(name.Length) > 64)
        {
            return Encoding.UTF8.GetBytes(name);
        }

        var buffer = t_name ??= new byte[64];
        return buffer.AsSpan(0, Encoding.UTF8.GetBytes(name, buffer));
    }

    /// <summary>A string member; null for a JSON null.</summary>
    internal static string? String(JsonElement value, string model, string member) =>
        value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => null,
            _ => throw WrongKind(value, "a string", model, member),
        };

    /// <summary>A date member (an ISO 8601 string); a JSON null, or a string that is not a date, is an error.</summary>
    internal static DateTimeOffset Date(JsonElement value, string model, string member) =>
        value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var date)
            ? date
            : throw WrongKind(value, "an ISO 8601 date", model, member);

    /// <summary>An optional date member; null for a JSON null.</summary>
    internal static DateTimeOffset? NullableDate(JsonElement value, string model, string member) =>
        value.ValueKind == JsonValueKind.Null ? null : Date(value, model, member);

    /// <summary>
    /// A 32-bit integer member, also from a string holding one (the SDK's serializer reads numbers from strings, as
    /// <see cref="JsonSerializerDefaults.Web"/> does); a JSON null is an error.
    /// </summary>
    internal static int Int32(JsonElement value, string model, string member) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number) ? number
        : throw WrongKind(value, "a 32-bit integer", model, member);

    /// <summary>An extensible string enumeration; any string is kept, a JSON null or another kind is an error.</summary>
    internal static T Enum<T>(JsonElement value, string model, string member)
        where T : struct, IStringEnum<T> =>
        value.ValueKind == JsonValueKind.String
            ? T.FromString(value.GetString()!)
            : throw WrongKind(value, $"a string for {typeof(T).Name}", model, member);

    /// <summary>An optional extensible string enumeration; null for a JSON null.</summary>
    internal static T? NullableEnum<T>(JsonElement value, string model, string member)
        where T : struct, IStringEnum<T> =>
        value.ValueKind == JsonValueKind.Null ? null : Enum<T>(value, model, member);

    /// <summary>A free-form member: the element itself, kept; null for a JSON null.</summary>
    internal static JsonElement? Element(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value;

    /// <summary>A free-form map (metadata): a view of its object; null for a JSON null.</summary>
    internal static IReadOnlyDictionary<string, JsonElement>? Map(JsonElement value, string model, string member) =>
        value.ValueKind switch
        {
            JsonValueKind.Object => new JsonObjectDictionary(value),
            JsonValueKind.Null => null,
            _ => throw WrongKind(value, "a JSON object", model, member),
        };

    /// <summary>Writes an optional free-form member; nothing when it is null (nulls are not written).</summary>
    internal static void WriteElement(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement? value)
    {
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
    }

    /// <summary>Writes an optional string member; nothing when it is null.</summary>
    internal static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a free-form map as a JSON object; nothing when it is null.</summary>
    internal static void WriteMap(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyDictionary<string, JsonElement>? values)
    {
        if (values is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        WriteObject(writer, values);
    }

    /// <summary>Writes a free-form map as a JSON object, its members in the map's order.</summary>
    internal static void WriteObject(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> values)
    {
        writer.WriteStartObject();
        foreach (var (key, value) in values)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static JsonException WrongKind(JsonElement value, string expected, string model, string member) =>
        new($"Expected {expected} for '{member}' of {model}, got {Describe(value)}.");

    private static string Describe(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? "the string " + Quote(value.GetString()!) : value.ValueKind.ToString();

    // The start of a string value, so that the error says what came without repeating a whole free-form value.
    private static string Quote(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"";
}

using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Serialization;

/// <summary>Reads and writes an extensible string enumeration as a JSON string; an unknown value never throws.</summary>
/// <typeparam name="T">The enumeration struct.</typeparam>
internal sealed class StringEnumConverter<T> : JsonConverter<T>
    where T : struct, IStringEnum<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, got {reader.TokenType}.");
        }

        return T.FromString(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}

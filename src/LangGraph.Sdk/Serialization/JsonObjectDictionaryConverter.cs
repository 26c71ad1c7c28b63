using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// Reads a free-form map (<c>metadata</c> of a run, an assistant, a cron, a thread state) as one document of the whole
/// object with a <see cref="JsonObjectDictionary"/> view over it, where the serializer's own dictionary converter parses
/// every value into a document of its own and fills a <see cref="Dictionary{TKey, TValue}"/>: one parse and one
/// document per map, what a hand-written client keeping that JSON would hold. Writes any such map as a JSON object.
/// </summary>
internal sealed class JsonObjectDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, JsonElement>>
{
    public override bool HandleNull => false;

    public override IReadOnlyDictionary<string, JsonElement>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for a map of JSON values, got {reader.TokenType}.");
        }

        return new JsonObjectDictionary(JsonElement.ParseValue(ref reader));
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> value, JsonSerializerOptions options) =>
        ElementModels.WriteObject(writer, value);
}

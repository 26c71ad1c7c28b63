using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// The serializer's way into a model read from one document (<see cref="ElementModels"/>): the model's JSON object,
/// met inside other JSON, is parsed once and the model built from that element, which its free-form members keep. The
/// source generator, for a record of init-only properties, collects every member into an array of boxed arguments
/// instead, and parses each free-form member and each metadata value into a document of its own.
/// </summary>
/// <typeparam name="T">The model.</typeparam>
internal abstract class ElementModelConverter<T> : JsonConverter<T>
    where T : class
{
    private readonly Func<JsonElement, T> _fromElement;

    /// <param name="fromElement">Builds the model from its JSON object.</param>
    protected ElementModelConverter(Func<JsonElement, T> fromElement) => _fromElement = fromElement;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeof(T).Name}, got {reader.TokenType}.");
        }

        return _fromElement(JsonElement.ParseValue(ref reader));
    }
}

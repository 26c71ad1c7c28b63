using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// Turns the user's free-form values (input, metadata, config values, store values) into <see cref="JsonElement"/>s through
/// the user's serializer options, so that request records can be written by the source-generated context alone.
/// </summary>
internal static class UserJson
{
    /// <summary>Serialises <paramref name="value"/> (a <see cref="JsonElement"/> as is); null stays null (not sent).</summary>
    public static JsonElement? Element(JsonSerializerOptions options, object? value, string path) =>
        value is null ? null : ElementOrNull(options, value, path);

    /// <summary>Serialises <paramref name="value"/>; null becomes a JSON <c>null</c> (sent).</summary>
    public static JsonElement ElementOrNull(JsonSerializerOptions options, object? value, string path)
    {
        switch (value)
        {
            case null:
                return JsonValues.Null;
            case JsonElement element:
                return element;
        }

        JsonTypeInfo typeInfo;
        try
        {
            typeInfo = options.GetTypeInfo(value.GetType());
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException(
                $"Cannot serialize the value of '{path}' (type {value.GetType().FullName}): its type is unknown to LangGraphClientOptions.JsonSerializerOptions. " +
                "Add it to a JsonSerializerContext and set that context as the options' TypeInfoResolver.", ex);
        }

        return JsonSerializer.SerializeToElement(value, typeInfo);
    }

    /// <summary>Serialises a dictionary of user values (null values as JSON <c>null</c>); an empty one is null (not sent).</summary>
    public static Dictionary<string, JsonElement>? Object(JsonSerializerOptions options, IDictionary<string, object?> values, string path) =>
        values.Count == 0 ? null : ObjectOrEmpty(options, values, path);

    /// <summary>Serialises a dictionary of user values (null values as JSON <c>null</c>), empty or not.</summary>
    public static Dictionary<string, JsonElement> ObjectOrEmpty(JsonSerializerOptions options, IEnumerable<KeyValuePair<string, object?>> values, string path)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            result[key] = ElementOrNull(options, value, $"{path}.{key}");
        }

        return result;
    }
}

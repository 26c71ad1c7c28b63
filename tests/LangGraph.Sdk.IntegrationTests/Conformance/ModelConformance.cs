using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Conformance;

/// <summary>
/// Compares a response the real server sent with the SDK model it is read into: every JSON member must be mapped by a
/// property of the model (recursively, through lists, dictionaries and nested models). Free-form members
/// (<see cref="JsonElement"/>, <see cref="object"/>, dictionaries of them, such as <c>values</c>, <c>metadata</c> and
/// <c>config</c>) are not walked: whatever they hold is the user's data. Members a model does not map on purpose are
/// listed in <see cref="DeliberatelyUnmapped"/> with the reason.
/// </summary>
internal static class ModelConformance
{
    /// <summary>Members the SDK does not map on purpose, with the reason. Keep this list short and explained.</summary>
    public static readonly IReadOnlyDictionary<(Type Model, string Member), string> DeliberatelyUnmapped =
        new Dictionary<(Type, string), string>();

    // Reflection metadata of the public models: the names come from their [JsonPropertyName] attributes, exactly as in
    // the SDK's source-generated context (which the tests cannot see).
    private static readonly JsonSerializerOptions Reflection = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Fails with every member of <paramref name="json"/> that <typeparamref name="T"/> does not map.</summary>
    public static void ShouldMapEveryMember<T>(JsonElement json, string route) => ShouldMapEveryMember(json, typeof(T), route);

    /// <summary>Fails with every member of <paramref name="json"/> that <paramref name="model"/> does not map.</summary>
    public static void ShouldMapEveryMember(JsonElement json, Type model, string route)
    {
        var unmapped = UnmappedMembers(json, model);
        unmapped.Should().BeEmpty(
            $"every member the server sends for {route} must be mapped by {model.Name} (or listed with a reason in DeliberatelyUnmapped); unmapped: {string.Join(", ", unmapped)}");
    }

    /// <summary>The members of <paramref name="json"/> that <paramref name="model"/> does not map, with where they are.</summary>
    public static IReadOnlyList<string> UnmappedMembers(JsonElement json, Type model)
    {
        var unmapped = new List<string>();
        Walk(json, model, "$", unmapped);
        return unmapped;
    }

    /// <summary>An SDK model that is internal (a response wrapper the public API unwraps), by name.</summary>
    public static Type InternalModel(string name) =>
        typeof(Item).Assembly.GetType("LangGraph.Sdk." + name, throwOnError: true)!;

    private static void Walk(JsonElement json, Type type, string where, List<string> unmapped)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(JsonElement) || type == typeof(object) || json.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        var info = Reflection.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object when json.ValueKind == JsonValueKind.Object:
                var properties = info.Properties.Where(p => !p.IsExtensionData).ToDictionary(p => p.Name, StringComparer.Ordinal);
                var takesAnyMember = info.Properties.Any(p => p.IsExtensionData);
                foreach (var member in json.EnumerateObject())
                {
                    if (properties.TryGetValue(member.Name, out var property))
                    {
                        if (property.CustomConverter is null)
                        {
                            Walk(member.Value, property.PropertyType, $"{where}.{member.Name}", unmapped);
                        }
                    }
                    else if (!takesAnyMember && !DeliberatelyUnmapped.ContainsKey((type, member.Name)))
                    {
                        unmapped.Add($"{type.Name}.{member.Name} (at {where}.{member.Name})");
                    }
                }

                break;
            case JsonTypeInfoKind.Enumerable when json.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var item in json.EnumerateArray())
                {
                    Walk(item, ElementType(type, typeof(IEnumerable<>), 0), $"{where}[{index++}]", unmapped);
                }

                break;
            case JsonTypeInfoKind.Dictionary when json.ValueKind == JsonValueKind.Object:
                foreach (var member in json.EnumerateObject())
                {
                    Walk(member.Value, ElementType(type, typeof(IEnumerable<>), 0).GetGenericArguments()[1], $"{where}[\"{member.Name}\"]", unmapped);
                }

                break;
        }
    }

    /// <summary>The item type of a list (or the <c>KeyValuePair</c> of a dictionary); <c>JsonTypeInfo.ElementType</c> is .NET 9+.</summary>
    private static Type ElementType(Type type, Type genericInterface, int argument) =>
        (type.IsInterface && type.IsGenericType && type.GetGenericTypeDefinition() == genericInterface
            ? type
            : type.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface)).GetGenericArguments()[argument];
}

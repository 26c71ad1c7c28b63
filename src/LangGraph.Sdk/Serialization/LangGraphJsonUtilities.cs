using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>JSON helpers shared by the SDK and its users.</summary>
public static class LangGraphJsonUtilities
{
    /// <summary>
    /// Gets the read-only serializer options used for user payloads when
    /// <see cref="LangGraphClientOptions.JsonSerializerOptions"/> is not set: web defaults with snake_case property names
    /// (LangGraph state keys are usually snake_case), the SDK's own types, and reflection for other types where the
    /// application allows reflection (it does unless trimmed or compiled ahead of time).
    /// </summary>
    public static JsonSerializerOptions DefaultOptions { get; } = CreateDefaultOptions();

    /// <summary>
    /// Makes user options usable: a copy whose resolver also knows the SDK's types, read-only.
    /// </summary>
    internal static JsonSerializerOptions Prepare(JsonSerializerOptions? options)
    {
        if (options is null)
        {
            return DefaultOptions;
        }

        var copy = new JsonSerializerOptions(options);
        copy.TypeInfoResolver = copy.TypeInfoResolver is null
            ? DefaultResolver()
            : JsonTypeInfoResolver.Combine(copy.TypeInfoResolver, LangGraphJsonContext.Default);
        copy.MakeReadOnly();
        return copy;
    }

    private static JsonSerializerOptions CreateDefaultOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            TypeInfoResolver = DefaultResolver(),
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly();
        return options;
    }

    [UnconditionalSuppressMessage("ReflectionAnalysis", "IL2026", Justification = "Reflection is used only when the application enables it (JsonSerializer.IsReflectionEnabledByDefault).")]
    [UnconditionalSuppressMessage("AotAnalysis", "IL3050", Justification = "Reflection is used only when the application enables it (JsonSerializer.IsReflectionEnabledByDefault).")]
    private static IJsonTypeInfoResolver DefaultResolver() =>
        JsonSerializer.IsReflectionEnabledByDefault
            ? JsonTypeInfoResolver.Combine(LangGraphJsonContext.Default, new DefaultJsonTypeInfoResolver())
            : LangGraphJsonContext.Default;
}

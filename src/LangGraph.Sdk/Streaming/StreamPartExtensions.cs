using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk;

/// <summary>
/// Typed readers for the common stream parts, with no lock-in: every part stays a <see cref="StreamPart"/> with its raw
/// <see cref="JsonElement"/> data, and these helpers read the well-known shapes out of it.
/// </summary>
public static class StreamPartExtensions
{
    /// <summary>Reads a <c>values</c> part (of the root graph or a subgraph): the full state after a step.</summary>
    /// <param name="part">The part.</param>
    /// <param name="values">The state.</param>
    /// <returns>True when the part is a <c>values</c> part.</returns>
    public static bool TryGetValues(this StreamPart part, out JsonElement values)
    {
        values = part.Mode == "values" ? part.Data : default;
        return part.Mode == "values";
    }

    /// <summary>Deserializes a part's data into a type of yours, with source-generated metadata (AOT-safe).</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="part">The part.</param>
    /// <param name="typeInfo">The type's metadata, for example <c>MyJsonContext.Default.MyState</c>.</param>
    /// <returns>The data, or default for a JSON null.</returns>
    /// <exception cref="JsonException">The data does not fit the type.</exception>
    public static T? GetData<T>(this StreamPart part, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return part.Data.ValueKind == JsonValueKind.Undefined ? default : part.Data.Deserialize(typeInfo);
    }

    /// <summary>
    /// Deserializes a part's data into a type of yours with serializer options (by default the SDK's: snake_case,
    /// case-insensitive). Uses reflection; prefer the <see cref="JsonTypeInfo{T}"/> overload in trimmed or AOT apps.
    /// </summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="part">The part.</param>
    /// <param name="options">Serializer options, or null for <see cref="LangGraphJsonUtilities.DefaultOptions"/>.</param>
    /// <returns>The data, or default for a JSON null.</returns>
    /// <exception cref="JsonException">The data does not fit the type.</exception>
    [RequiresUnreferencedCode("Uses reflection-based JSON serialization. Use the JsonTypeInfo<T> overload for trimmed or AOT apps.")]
    [RequiresDynamicCode("Uses reflection-based JSON serialization. Use the JsonTypeInfo<T> overload for trimmed or AOT apps.")]
    public static T? GetData<T>(this StreamPart part, JsonSerializerOptions? options = null) =>
        part.Data.ValueKind == JsonValueKind.Undefined ? default : part.Data.Deserialize<T>(options ?? LangGraphJsonUtilities.DefaultOptions);

    /// <summary>
    /// Reads a <c>messages</c> part of the <c>messages-tuple</c> stream mode (the event is named <c>messages</c>, not
    /// <c>messages-tuple</c>): the message and its metadata.
    /// </summary>
    /// <param name="part">The part.</param>
    /// <param name="message">The message and its metadata.</param>
    /// <returns>True when the part is such a pair.</returns>
    public static bool TryGetMessage(this StreamPart part, out StreamMessage message)
    {
        message = default;
        return part.Mode == StreamMode.Messages.Value && StreamMessage.TryRead(part.Data, out message);
    }

    /// <summary>
    /// Reads an <c>updates</c> part: each node's update, by node name, in the order the server sent them. The
    /// <c>__interrupt__</c> entry is left out (read it with <see cref="GetInterrupts"/>).
    /// </summary>
    /// <param name="part">The part.</param>
    /// <returns>The updates by node; empty for another kind of part.</returns>
    public static IReadOnlyList<KeyValuePair<string, JsonElement>> GetUpdates(this StreamPart part)
    {
        if (part.Mode != "updates" || part.Data.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var updates = new List<KeyValuePair<string, JsonElement>>();
        foreach (var property in part.Data.EnumerateObject())
        {
            if (property.Name != InterruptData.Key)
            {
                updates.Add(new(property.Name, property.Value));
            }
        }

        return updates;
    }

    /// <summary>
    /// Reads the interrupts a part reports: the <c>__interrupt__</c> entry of an <c>updates</c> or <c>values</c> part
    /// (a graph stopped at <c>interrupt()</c> and waits for a <see cref="RunCommand.Resume"/>).
    /// </summary>
    /// <param name="part">The part.</param>
    /// <returns>The interrupts; empty when there are none.</returns>
    public static IReadOnlyList<Interrupt> GetInterrupts(this StreamPart part) => InterruptData.Read(part.Data);

    /// <summary>Reads an <c>error</c> part as the exception a stream raises for it.</summary>
    /// <param name="part">The part.</param>
    /// <param name="error">The error, with the graph's error name and message.</param>
    /// <returns>True when the part is an <c>error</c> part.</returns>
    public static bool TryGetError(this StreamPart part, [NotNullWhen(true)] out LangGraphRunException? error)
    {
        error = part.Mode == "error" ? Errors.RunErrors.FromError(part.Data, runId: null, threadId: null) : null;
        return error is not null;
    }
}

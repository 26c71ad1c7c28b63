using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>Sanitising a config for the wire (<c>_sanitize_config</c>) and taking the thread id out of it.</summary>
internal static partial class RemoteGraphConfig
{
    /// <summary>
    /// Prepares a merged config for a run, as Python's <c>_sanitize_config</c> and the thread-id handling of
    /// <c>stream</c> do: keeps tags, recursion_limit, metadata and configurable; removes <c>checkpoint_id</c>,
    /// <c>checkpoint_ns</c>, <c>checkpoint_map</c> and <c>__pregel_*</c> from configurable; drops values that cannot be
    /// sent as JSON (delegates, tasks, streams, tokens, services, reflection objects, cycles) and null values; and takes
    /// <c>thread_id</c> out of configurable.
    /// </summary>
    /// <param name="config">The merged config, or null.</param>
    /// <param name="threadId">The thread id found in configurable, or null for a stateless run.</param>
    /// <returns>The config to send, or null when nothing is left.</returns>
    public static RunConfig? ForRun(RunConfig? config, out string? threadId)
    {
        threadId = null;
        if (config is null)
        {
            return null;
        }

        var result = new RunConfig { RecursionLimit = config.RecursionLimit };
        if (config.Tags is { Count: > 0 } tags)
        {
            var kept = new List<string>(tags.Count);
            foreach (var tag in tags)
            {
                if (tag is not null)
                {
                    kept.Add(tag);
                }
            }

            result.Tags = kept.Count > 0 ? kept : null;
        }

        var visiting = new HashSet<object>(ReferenceEqualityComparer.Instance);
        CopySanitized(config.Metadata, result.Metadata, visiting, skip: null);
        CopySanitized(config.Configurable, result.Configurable, visiting, skip: IsCheckpointKey);
        if (result.Configurable.Remove(ThreadIdKey, out var thread))
        {
            threadId = ThreadIdText(thread)
                ?? throw new ArgumentException("configurable[\"thread_id\"] is empty: give the thread's id, or leave the key out for a stateless run.");
        }

        return result.Tags is null && result.RecursionLimit is null && result.Metadata.Count == 0 && result.Configurable.Count == 0 ? null : result;
    }

    private static bool IsCheckpointKey(string key) =>
        key is CheckpointIdKey or CheckpointNsKey or CheckpointMapKey || key.StartsWith("__pregel_", StringComparison.Ordinal);

    private static void CopySanitized(IDictionary<string, object?> source, IDictionary<string, object?> target, HashSet<object> visiting, Func<string, bool>? skip)
    {
        foreach (var (key, value) in source)
        {
            if (key is null || (skip is not null && skip(key)))
            {
                continue;
            }

            if (Sanitize(value, visiting, out var clean))
            {
                target[key] = clean;
            }
        }
    }

    /// <summary>Returns false for a value that cannot be sent as JSON (or is null); dictionaries and lists are rebuilt without such values.</summary>
    private static bool Sanitize(object? value, HashSet<object> visiting, out object? clean)
    {
        clean = value;
        switch (value)
        {
            case null:
                return false;
            case string or bool or char or Guid or decimal or DateTime or DateTimeOffset or DateOnly or TimeOnly or TimeSpan or Uri or Enum:
                return true;
            case byte or sbyte or short or ushort or int or uint or long or ulong or float or double or Half or Int128 or UInt128:
                return true;
            case JsonElement element:
                return element.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
            case JsonNode:
                return true;
            case JsonDocument document:
                clean = document.RootElement.Clone();
                return true;
            case Delegate or MemberInfo or CancellationToken or Task or Stream or WaitHandle or IServiceProvider or IDisposable or IAsyncDisposable:
                return false;
            case IntPtr or UIntPtr:
                return false;
        }

        if (value is ValueTask || (value.GetType() is { IsValueType: true, IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return false;
        }

        if (value is IDictionary dictionary)
        {
            if (!visiting.Add(value))
            {
                return false;
            }

            var copy = new Dictionary<string, object?>(dictionary.Count);
            foreach (DictionaryEntry entry in dictionary)
            {
                if (KeyText(entry.Key) is { } key && Sanitize(entry.Value, visiting, out var item))
                {
                    copy[key] = item;
                }
            }

            visiting.Remove(value);
            clean = copy;
            return true;
        }

        // Dictionaries known only through a generic interface (ExpandoObject, read-only dictionaries of objects).
        if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            if (!visiting.Add(value))
            {
                return false;
            }

            var copy = new Dictionary<string, object?>();
            foreach (var (key, item) in pairs)
            {
                if (key is not null && Sanitize(item, visiting, out var cleanItem))
                {
                    copy[key] = cleanItem;
                }
            }

            visiting.Remove(value);
            clean = copy;
            return true;
        }

        if (value is IEnumerable sequence)
        {
            if (!visiting.Add(value))
            {
                return false;
            }

            var copy = new List<object?>();
            foreach (var element in sequence)
            {
                // A dictionary of other value types known only through a generic interface: the serializer writes it
                // as an object, so it is sent as it is (its values are data already, being typed).
                if (element is not null && element.GetType() is { IsGenericType: true } elementType && elementType.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                {
                    visiting.Remove(value);
                    return true;
                }

                if (Sanitize(element, visiting, out var item))
                {
                    copy.Add(item);
                }
            }

            visiting.Remove(value);
            clean = copy;
            return true;
        }

        // Any other object (a record, an anonymous type, a POCO) is data: it is serialised with the client's JSON options.
        return true;
    }

    /// <summary>A dictionary key as the serializer would write it: strings as they are, numbers, Guids and enums as invariant text; null for any other key.</summary>
    private static string? KeyText(object? key) => key switch
    {
        string text => text,
        Enum value => value.ToString(),
        Guid or byte or sbyte or short or ushort or int or uint or long or ulong or char or decimal or DateTime or DateTimeOffset or DateOnly or TimeOnly =>
            ((IFormattable)key).ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? ThreadIdText(object? value) => value switch
    {
        null => null,
        string text => text.Length == 0 ? null : text,
        Guid guid => guid.ToString(),
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString() is { Length: > 0 } text ? text : null,
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        _ => throw new ArgumentException($"configurable[\"thread_id\"] must be a string or a Guid, not {value.GetType().Name}."),
    };

    private static string? Text(object? value, string key) => value switch
    {
        null => null,
        string text => text,
        Guid guid => guid.ToString(),
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"configurable[\"{key}\"] must be a string, not {value.GetType().Name}."),
    };
}

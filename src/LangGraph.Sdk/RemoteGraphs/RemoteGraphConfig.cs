using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>
/// The config rules of Python's <c>RemoteGraph</c>: merging (<c>merge_configs</c>), sanitising for the wire
/// (<c>_sanitize_config</c>), the thread id taken into the path, and checkpoints built from <c>configurable</c>.
/// </summary>
internal static class RemoteGraphConfig
{
    /// <summary>LangGraph's default recursion limit: a merged config keeps a limit only when it is not this value.</summary>
    public const int DefaultRecursionLimit = 25;

    internal const string ThreadIdKey = "thread_id";
    internal const string CheckpointNsKey = "checkpoint_ns";
    internal const string CheckpointIdKey = "checkpoint_id";
    internal const string CheckpointMapKey = "checkpoint_map";

    /// <summary>
    /// Merges configs left to right as LangGraph's <c>merge_configs</c> does: metadata and configurable are merged
    /// (later keys win), tags are concatenated, and a recursion limit replaces the earlier one only when it is not the
    /// default (25). Empty members are skipped. The result is a new object; the inputs are not changed.
    /// </summary>
    public static RunConfig? Merge(params ReadOnlySpan<RunConfig?> configs)
    {
        RunConfig? merged = null;
        foreach (var config in configs)
        {
            if (config is null)
            {
                continue;
            }

            merged ??= new RunConfig();
            if (config.Metadata.Count > 0)
            {
                foreach (var (key, value) in config.Metadata)
                {
                    merged.Metadata[key] = value;
                }
            }

            if (config.Tags is { Count: > 0 } tags)
            {
                merged.Tags = merged.Tags is { Count: > 0 } existing ? [.. existing, .. tags] : [.. tags];
            }

            if (config.Configurable.Count > 0)
            {
                foreach (var (key, value) in config.Configurable)
                {
                    merged.Configurable[key] = value;
                }
            }

            // Python skips a falsy limit (0 or None), and takes any other only when it is not the default.
            if (config.RecursionLimit is { } limit && limit != 0 && limit != DefaultRecursionLimit)
            {
                merged.RecursionLimit = limit;
            }
        }

        return merged;
    }

    /// <summary>Returns a copy whose collections are new (the values themselves are shared).</summary>
    public static RunConfig? Copy(RunConfig? config)
    {
        if (config is null)
        {
            return null;
        }

        var copy = Merge(config)!;
        copy.RecursionLimit = config.RecursionLimit;
        return copy;
    }

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

    /// <summary>Gets the thread id of a config, which state methods require (Python raises <c>KeyError</c>).</summary>
    public static string RequireThreadId(RunConfig? config, string paramName)
    {
        if (config is not null && config.Configurable.TryGetValue(ThreadIdKey, out var value) && ThreadIdText(value) is { } threadId)
        {
            return threadId;
        }

        throw new ArgumentException("The config has no configurable[\"thread_id\"]: a remote graph's state belongs to a thread.", paramName);
    }

    /// <summary>
    /// Builds the checkpoint a config points at, from configurable <c>thread_id</c>, <c>checkpoint_ns</c>,
    /// <c>checkpoint_id</c> and <c>checkpoint_map</c> (Python's <c>_get_checkpoint</c>); null when it names none of them.
    /// </summary>
    public static Checkpoint? ToCheckpoint(RunConfig? config)
    {
        if (config is null)
        {
            return null;
        }

        var configurable = config.Configurable;
        var threadId = configurable.TryGetValue(ThreadIdKey, out var thread) ? ThreadIdText(thread) : null;
        var ns = configurable.TryGetValue(CheckpointNsKey, out var nsValue) ? Text(nsValue, CheckpointNsKey) : null;
        var id = configurable.TryGetValue(CheckpointIdKey, out var idValue) ? Text(idValue, CheckpointIdKey) : null;
        var map = configurable.TryGetValue(CheckpointMapKey, out var mapValue) ? CheckpointMap(mapValue) : null;
        return threadId is null && ns is null && id is null && map is null
            ? null
            : new Checkpoint { ThreadId = threadId, CheckpointNs = ns, CheckpointId = id, CheckpointMap = map };
    }

    /// <summary>Builds the config that points at a checkpoint (Python's <c>{"configurable": {...checkpoint}}</c>); null for no checkpoint.</summary>
    public static RunConfig? FromCheckpoint(Checkpoint? checkpoint)
    {
        if (checkpoint is null)
        {
            return null;
        }

        var config = new RunConfig();
        config.Configurable[ThreadIdKey] = checkpoint.ThreadId;
        config.Configurable[CheckpointNsKey] = checkpoint.CheckpointNs ?? string.Empty;
        config.Configurable[CheckpointIdKey] = checkpoint.CheckpointId;
        if (checkpoint.CheckpointMap is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } map)
        {
            config.Configurable[CheckpointMapKey] = map;
        }

        return config;
    }

    /// <summary>Converts a thread state into a snapshot whose checkpoints are configs (Python's <c>_create_state_snapshot</c>).</summary>
    public static StateSnapshot ToSnapshot(ThreadState state)
    {
        var tasks = new List<StateTask>(state.Tasks.Count);
        var interrupts = new List<Interrupt>();
        foreach (var task in state.Tasks)
        {
            interrupts.AddRange(task.Interrupts);
            tasks.Add(new StateTask
            {
                Id = task.Id,
                Name = task.Name,
                Path = task.Path,
                Error = task.Error,
                Interrupts = task.Interrupts,
                State = task.State is { } sub ? ToSnapshot(sub) : null,
                StateConfig = FromCheckpoint(task.Checkpoint),
                Result = task.Result,
            });
        }

        // Python collects the interrupts from the tasks. The server also lists them at the top (the same ones, with ids,
        // or without on servers before LangGraph 0.6); one is added from there only when no task reports it.
        var fromTasks = interrupts.Count;
        foreach (var interrupt in state.Interrupts)
        {
            if (!interrupts.Take(fromTasks).Any(known => SameInterrupt(known, interrupt)))
            {
                interrupts.Add(interrupt);
            }
        }

        return new StateSnapshot
        {
            Values = state.Values,
            Next = state.Next,
            Config = FromCheckpoint(state.Checkpoint) ?? new RunConfig(),
            Metadata = state.Metadata,
            CreatedAt = state.CreatedAt,
            ParentConfig = FromCheckpoint(state.ParentCheckpoint),
            Tasks = tasks,
            Interrupts = interrupts,
        };
    }

    private static bool SameInterrupt(Interrupt a, Interrupt b) =>
        a.Id is not null || b.Id is not null
            ? string.Equals(a.Id, b.Id, StringComparison.Ordinal)
            : Raw(a.Value) == Raw(b.Value) && Raw(a, "ns") == Raw(b, "ns") && Raw(a, "when") == Raw(b, "when");

    private static string Raw(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? string.Empty : value.GetRawText();

    private static string Raw(Interrupt interrupt, string name) =>
        interrupt.AdditionalProperties is { } extra && extra.TryGetValue(name, out var value) ? value.GetRawText() : string.Empty;

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

    private static JsonElement? CheckpointMap(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }:
                return null;
            case JsonElement { ValueKind: JsonValueKind.Object } element:
                return element;
            case IEnumerable<KeyValuePair<string, string>> strings:
                return MapElement(strings);
            case IDictionary dictionary:
                var pairs = new List<KeyValuePair<string, string>>(dictionary.Count);
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (entry.Key is not string key || Text(entry.Value, CheckpointMapKey) is not { } text)
                    {
                        throw new ArgumentException("configurable[\"checkpoint_map\"] must map namespaces (strings) to checkpoint ids (strings).");
                    }

                    pairs.Add(new(key, text));
                }

                return MapElement(pairs);
            default:
                throw new ArgumentException($"configurable[\"checkpoint_map\"] must be a JSON object or a dictionary of strings, not {value.GetType().Name}.");
        }
    }

    private static JsonElement MapElement(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var node = new JsonObject();
        foreach (var (key, text) in pairs)
        {
            node[key] = text;
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}

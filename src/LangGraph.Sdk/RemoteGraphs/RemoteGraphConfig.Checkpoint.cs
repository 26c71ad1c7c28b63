using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>Checkpoints built from <c>configurable</c> (<c>_get_checkpoint</c>) and configs built from checkpoints.</summary>
internal static partial class RemoteGraphConfig
{
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

using System;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>The config rules of Python's <c>RemoteGraph</c>, one file per job. This one: merging (<c>merge_configs</c>) and copying.</summary>
internal static partial class RemoteGraphConfig
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
}

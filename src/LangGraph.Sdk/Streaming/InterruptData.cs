using System.Collections.Generic;
using System.Text.Json;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Streaming;

/// <summary>
/// The <c>__interrupt__</c> entry that <c>updates</c> and <c>values</c> data (and waited-on results) carry when a graph
/// stops at an interrupt: one place that finds and reads it.
/// </summary>
internal static class InterruptData
{
    /// <summary>The member name, <c>__interrupt__</c>.</summary>
    public const string Key = "__interrupt__";

    /// <summary>Finds the <c>__interrupt__</c> list of an object.</summary>
    public static bool TryGetList(JsonElement data, out JsonElement list)
    {
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty(Key, out list) && list.ValueKind == JsonValueKind.Array)
        {
            return true;
        }

        list = default;
        return false;
    }

    /// <summary>Reads the interrupts of an object; empty when it has none.</summary>
    public static IReadOnlyList<Interrupt> Read(JsonElement data) =>
        TryGetList(data, out var list) ? list.Deserialize(LangGraphJsonContext.Default.ListInterrupt) ?? [] : [];

    /// <summary>Whether an object has an <c>__interrupt__</c> list and nothing else (the JS server's last values at an interrupt).</summary>
    public static bool IsOnlyInterrupts(JsonElement data)
    {
        if (!TryGetList(data, out _))
        {
            return false;
        }

        foreach (var property in data.EnumerateObject())
        {
            if (!property.NameEquals(Key))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// What pruning does to a thread.
/// Extensible: a value the server adds later is kept as is and never throws.
/// </summary>
/// <param name="Value">The wire value, for example <c>"delete"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<PruneStrategy>))]
public readonly record struct PruneStrategy(string Value) : IStringEnum<PruneStrategy>
{
    /// <summary>Delete the thread and all its state (the default).</summary>
    public static PruneStrategy Delete { get; } = new("delete");

    /// <summary>Keep the thread and its latest state; drop older checkpoints.</summary>
    public static PruneStrategy KeepLatest { get; } = new("keep_latest");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator PruneStrategy(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static PruneStrategy IStringEnum<PruneStrategy>.FromString(string value) => new(value);
}

using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// When a run's checkpoints are persisted. Known values: <see cref="Sync"/>, <see cref="Async"/>, <see cref="Exit"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"sync"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<Durability>))]
public readonly record struct Durability(string Value) : IStringEnum<Durability>
{
    /// <summary>Before the next step starts. Wire value <c>"sync"</c>.</summary>
    public static Durability Sync { get; } = new("sync");

    /// <summary>In the background while the next step runs. Wire value <c>"async"</c>.</summary>
    public static Durability Async { get; } = new("async");

    /// <summary>Only when the run exits. Wire value <c>"exit"</c>.</summary>
    public static Durability Exit { get; } = new("exit");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator Durability(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static Durability IStringEnum<Durability>.FromString(string value) => new(value);
}

using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// What the server does when a thread already has a run in flight. Known values: <see cref="Reject"/>, <see cref="Interrupt"/>, <see cref="Rollback"/>, <see cref="Enqueue"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"reject"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<MultitaskStrategy>))]
public readonly record struct MultitaskStrategy(string Value) : IStringEnum<MultitaskStrategy>
{
    /// <summary>Refuse the new run (HTTP 422 on the JS server, 409 on others). Wire value <c>"reject"</c>.</summary>
    public static MultitaskStrategy Reject { get; } = new("reject");

    /// <summary>Interrupt the current run and keep its progress, then start the new one. Wire value <c>"interrupt"</c>.</summary>
    public static MultitaskStrategy Interrupt { get; } = new("interrupt");

    /// <summary>Cancel the current run, drop its progress, then start the new one. Wire value <c>"rollback"</c>.</summary>
    public static MultitaskStrategy Rollback { get; } = new("rollback");

    /// <summary>Queue the new run after the current one. Wire value <c>"enqueue"</c>.</summary>
    public static MultitaskStrategy Enqueue { get; } = new("enqueue");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator MultitaskStrategy(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static MultitaskStrategy IStringEnum<MultitaskStrategy>.FromString(string value) => new(value);
}

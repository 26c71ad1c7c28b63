using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// How a run is cancelled. Known values: <see cref="Interrupt"/>, <see cref="Rollback"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"interrupt"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<CancelAction>))]
public readonly record struct CancelAction(string Value) : IStringEnum<CancelAction>
{
    /// <summary>Stop the run and keep its progress. Wire value <c>"interrupt"</c>.</summary>
    public static CancelAction Interrupt { get; } = new("interrupt");

    /// <summary>Stop the run and drop its progress. Wire value <c>"rollback"</c>.</summary>
    public static CancelAction Rollback { get; } = new("rollback");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CancelAction(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static CancelAction IStringEnum<CancelAction>.FromString(string value) => new(value);
}

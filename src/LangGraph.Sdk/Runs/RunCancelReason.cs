using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// Why a run is cancelled (<see cref="RunCancelOptions.Reason"/>, JS 1.15.0). Known values: <see cref="Taken"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"taken"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<RunCancelReason>))]
public readonly record struct RunCancelReason(string Value) : IStringEnum<RunCancelReason>
{
    /// <summary>The run's input was absorbed elsewhere (steering); the server records a cancel reason starting with <c>taken:</c>. Wire value <c>"taken"</c>.</summary>
    public static RunCancelReason Taken { get; } = new("taken");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator RunCancelReason(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static RunCancelReason IStringEnum<RunCancelReason>.FromString(string value) => new(value);
}

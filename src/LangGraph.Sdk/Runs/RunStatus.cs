using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The status of a run. Known values: <see cref="Pending"/>, <see cref="Running"/>, <see cref="Error"/>, <see cref="Success"/>, <see cref="Timeout"/>, <see cref="Interrupted"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"pending"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<RunStatus>))]
public readonly record struct RunStatus(string Value) : IStringEnum<RunStatus>
{
    /// <summary>The run waits to start. Wire value <c>"pending"</c>.</summary>
    public static RunStatus Pending { get; } = new("pending");

    /// <summary>The run is executing. Wire value <c>"running"</c>.</summary>
    public static RunStatus Running { get; } = new("running");

    /// <summary>The run failed. Wire value <c>"error"</c>.</summary>
    public static RunStatus Error { get; } = new("error");

    /// <summary>The run finished. Wire value <c>"success"</c>.</summary>
    public static RunStatus Success { get; } = new("success");

    /// <summary>The run timed out. Wire value <c>"timeout"</c>.</summary>
    public static RunStatus Timeout { get; } = new("timeout");

    /// <summary>The run stopped at an interrupt or was cancelled with the interrupt action. Wire value <c>"interrupted"</c>.</summary>
    public static RunStatus Interrupted { get; } = new("interrupted");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator RunStatus(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static RunStatus IStringEnum<RunStatus>.FromString(string value) => new(value);
}

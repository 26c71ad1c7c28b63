using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The status of a thread: <see cref="Idle"/>, <see cref="Busy"/>, <see cref="Interrupted"/> or <see cref="Error"/>.
/// Extensible: a value the server adds later is kept as is and never throws.
/// </summary>
/// <param name="Value">The wire value, for example <c>"idle"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<ThreadStatus>))]
public readonly record struct ThreadStatus(string Value) : IStringEnum<ThreadStatus>
{
    /// <summary>The thread has no run in flight.</summary>
    public static ThreadStatus Idle { get; } = new("idle");

    /// <summary>A run is in flight on the thread.</summary>
    public static ThreadStatus Busy { get; } = new("busy");

    /// <summary>The last run stopped at an interrupt and waits for input.</summary>
    public static ThreadStatus Interrupted { get; } = new("interrupted");

    /// <summary>The last run failed.</summary>
    public static ThreadStatus Error { get; } = new("error");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator ThreadStatus(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static ThreadStatus IStringEnum<ThreadStatus>.FromString(string value) => new(value);
}

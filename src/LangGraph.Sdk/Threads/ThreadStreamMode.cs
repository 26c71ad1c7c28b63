using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// What a thread join stream carries.
/// Extensible: a value the server adds later is kept as is and never throws.
/// </summary>
/// <param name="Value">The wire value, for example <c>"run_modes"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<ThreadStreamMode>))]
public readonly record struct ThreadStreamMode(string Value) : IStringEnum<ThreadStreamMode>
{
    /// <summary>The events of the thread's runs, in the modes each run was created with (the default).</summary>
    public static ThreadStreamMode RunModes { get; } = new("run_modes");

    /// <summary>Run start and end events.</summary>
    public static ThreadStreamMode Lifecycle { get; } = new("lifecycle");

    /// <summary>State updates of the thread.</summary>
    public static ThreadStreamMode StateUpdate { get; } = new("state_update");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator ThreadStreamMode(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static ThreadStreamMode IStringEnum<ThreadStreamMode>.FromString(string value) => new(value);
}

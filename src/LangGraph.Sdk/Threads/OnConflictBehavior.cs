using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// What creating a resource does when its id already exists (Python's <c>if_exists</c>).
/// Extensible: a value the server adds later is kept as is and never throws.
/// </summary>
/// <param name="Value">The wire value, for example <c>"raise"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<OnConflictBehavior>))]
public readonly record struct OnConflictBehavior(string Value) : IStringEnum<OnConflictBehavior>
{
    /// <summary>Fail with 409 Conflict (the server's default).</summary>
    public static OnConflictBehavior Raise { get; } = new("raise");

    /// <summary>Return the existing resource unchanged.</summary>
    public static OnConflictBehavior DoNothing { get; } = new("do_nothing");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator OnConflictBehavior(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static OnConflictBehavior IStringEnum<OnConflictBehavior>.FromString(string value) => new(value);
}

using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// What happens to the temporary thread of a stateless run when it completes. Known values: <see cref="Delete"/>, <see cref="Keep"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"delete"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<OnCompletionBehavior>))]
public readonly record struct OnCompletionBehavior(string Value) : IStringEnum<OnCompletionBehavior>
{
    /// <summary>The thread is deleted (the server's default). Wire value <c>"delete"</c>.</summary>
    public static OnCompletionBehavior Delete { get; } = new("delete");

    /// <summary>The thread is kept. Wire value <c>"keep"</c>.</summary>
    public static OnCompletionBehavior Keep { get; } = new("keep");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator OnCompletionBehavior(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static OnCompletionBehavior IStringEnum<OnCompletionBehavior>.FromString(string value) => new(value);
}

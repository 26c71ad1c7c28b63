using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// What a run does when its thread does not exist. Known values: <see cref="Create"/>, <see cref="Reject"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"create"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<IfNotExists>))]
public readonly record struct IfNotExists(string Value) : IStringEnum<IfNotExists>
{
    /// <summary>Create the thread. Wire value <c>"create"</c>.</summary>
    public static IfNotExists Create { get; } = new("create");

    /// <summary>Fail (the server's default). Wire value <c>"reject"</c>.</summary>
    public static IfNotExists Reject { get; } = new("reject");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator IfNotExists(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static IfNotExists IStringEnum<IfNotExists>.FromString(string value) => new(value);
}

using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The direction of a sorted search.
/// Extensible: a value the server adds later is kept as is and never throws.
/// </summary>
/// <param name="Value">The wire value, for example <c>"desc"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<SortOrder>))]
public readonly record struct SortOrder(string Value) : IStringEnum<SortOrder>
{
    /// <summary>Smallest first.</summary>
    public static SortOrder Ascending { get; } = new("asc");

    /// <summary>Largest first (the server's default).</summary>
    public static SortOrder Descending { get; } = new("desc");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator SortOrder(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static SortOrder IStringEnum<SortOrder>.FromString(string value) => new(value);
}

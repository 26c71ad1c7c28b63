using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// Which runs a bulk cancel selects by status. Known values: <see cref="Pending"/>, <see cref="Running"/>, <see cref="All"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"pending"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<BulkCancelRunsStatus>))]
public readonly record struct BulkCancelRunsStatus(string Value) : IStringEnum<BulkCancelRunsStatus>
{
    /// <summary>Runs that have not started. Wire value <c>"pending"</c>.</summary>
    public static BulkCancelRunsStatus Pending { get; } = new("pending");

    /// <summary>Runs in flight. Wire value <c>"running"</c>.</summary>
    public static BulkCancelRunsStatus Running { get; } = new("running");

    /// <summary>Pending and running runs. Wire value <c>"all"</c>.</summary>
    public static BulkCancelRunsStatus All { get; } = new("all");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator BulkCancelRunsStatus(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static BulkCancelRunsStatus IStringEnum<BulkCancelRunsStatus>.FromString(string value) => new(value);
}

using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The field assistant search results are sorted by. Known values: <see cref="AssistantId"/>, <see cref="GraphId"/>,
/// <see cref="Name"/>, <see cref="CreatedAt"/>, <see cref="UpdatedAt"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"created_at"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<AssistantSortBy>))]
public readonly record struct AssistantSortBy(string Value) : IStringEnum<AssistantSortBy>
{
    /// <summary>Sort by assistant id. Wire value <c>"assistant_id"</c>.</summary>
    public static AssistantSortBy AssistantId { get; } = new("assistant_id");

    /// <summary>Sort by graph id. Wire value <c>"graph_id"</c>.</summary>
    public static AssistantSortBy GraphId { get; } = new("graph_id");

    /// <summary>Sort by name. Wire value <c>"name"</c>.</summary>
    public static AssistantSortBy Name { get; } = new("name");

    /// <summary>Sort by creation time. Wire value <c>"created_at"</c>.</summary>
    public static AssistantSortBy CreatedAt { get; } = new("created_at");

    /// <summary>Sort by last update time. Wire value <c>"updated_at"</c>.</summary>
    public static AssistantSortBy UpdatedAt { get; } = new("updated_at");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator AssistantSortBy(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static AssistantSortBy IStringEnum<AssistantSortBy>.FromString(string value) => new(value);
}

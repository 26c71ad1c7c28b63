using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The field thread search results are sorted by.
/// Extensible: a value the server adds later is kept as is and never throws.
/// </summary>
/// <param name="Value">The wire value, for example <c>"created_at"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<ThreadSortBy>))]
public readonly record struct ThreadSortBy(string Value) : IStringEnum<ThreadSortBy>
{
    /// <summary>Sort by thread id.</summary>
    public static ThreadSortBy ThreadId { get; } = new("thread_id");

    /// <summary>Sort by status.</summary>
    public static ThreadSortBy Status { get; } = new("status");

    /// <summary>Sort by creation time (the server's default).</summary>
    public static ThreadSortBy CreatedAt { get; } = new("created_at");

    /// <summary>Sort by last update time.</summary>
    public static ThreadSortBy UpdatedAt { get; } = new("updated_at");

    /// <summary>Sort by the time the state last changed.</summary>
    public static ThreadSortBy StateUpdatedAt { get; } = new("state_updated_at");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator ThreadSortBy(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static ThreadSortBy IStringEnum<ThreadSortBy>.FromString(string value) => new(value);
}

using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The field cron search results are sorted by. Known values: <see cref="CronId"/>, <see cref="AssistantId"/>,
/// <see cref="ThreadId"/>, <see cref="CreatedAt"/>, <see cref="UpdatedAt"/>, <see cref="NextRunDate"/>, <see cref="EndTime"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"next_run_date"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<CronSortBy>))]
public readonly record struct CronSortBy(string Value) : IStringEnum<CronSortBy>
{
    /// <summary>Sort by cron id. Wire value <c>"cron_id"</c>.</summary>
    public static CronSortBy CronId { get; } = new("cron_id");

    /// <summary>Sort by assistant id. Wire value <c>"assistant_id"</c>.</summary>
    public static CronSortBy AssistantId { get; } = new("assistant_id");

    /// <summary>Sort by thread id. Wire value <c>"thread_id"</c>.</summary>
    public static CronSortBy ThreadId { get; } = new("thread_id");

    /// <summary>Sort by creation time. Wire value <c>"created_at"</c>.</summary>
    public static CronSortBy CreatedAt { get; } = new("created_at");

    /// <summary>Sort by last update time. Wire value <c>"updated_at"</c>.</summary>
    public static CronSortBy UpdatedAt { get; } = new("updated_at");

    /// <summary>Sort by the time of the next run. Wire value <c>"next_run_date"</c>.</summary>
    public static CronSortBy NextRunDate { get; } = new("next_run_date");

    /// <summary>Sort by end time. Wire value <c>"end_time"</c>.</summary>
    public static CronSortBy EndTime { get; } = new("end_time");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator CronSortBy(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static CronSortBy IStringEnum<CronSortBy>.FromString(string value) => new(value);
}

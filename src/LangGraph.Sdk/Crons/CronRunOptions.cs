using System;
using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// What the runs of a cron are created with: the fields <see cref="CronsClient.CreateForThreadAsync"/>,
/// <see cref="CronsClient.CreateAsync"/> and <see cref="CronsClient.UpdateAsync"/> share. Null members (and an empty
/// <see cref="Metadata"/>) are not sent.
/// </summary>
public abstract class CronRunOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the input of each run.</summary>
    public object? Input { get; set; }

    /// <summary>Gets the metadata of each run; sent when not empty.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the config of each run.</summary>
    public RunConfig? Config { get; set; }

    /// <summary>Gets or sets the static context of each run.</summary>
    public object? Context { get; set; }

    /// <summary>Gets or sets a URL the server calls when each run finishes.</summary>
    public string? Webhook { get; set; }

    /// <summary>Gets or sets the nodes to interrupt before; <c>["*"]</c> (sent as <c>"*"</c>) interrupts before every node.</summary>
    public IReadOnlyList<string>? InterruptBefore { get; set; }

    /// <summary>Gets or sets the nodes to interrupt after; <c>["*"]</c> (sent as <c>"*"</c>) interrupts after every node.</summary>
    public IReadOnlyList<string>? InterruptAfter { get; set; }

    /// <summary>Gets or sets whether the cron is enabled (the server enables new crons by default).</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Gets or sets the IANA time zone the schedule is read in, for example <c>Europe/Paris</c>; UTC when null.
    /// Use <see cref="SetTimezone(TimeZoneInfo)"/> to set it from a <see cref="TimeZoneInfo"/>.
    /// </summary>
    public string? Timezone { get; set; }

    /// <summary>Gets or sets when the cron stops, sent as an ISO 8601 string; it runs until deleted when null.</summary>
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>Gets or sets the stream modes of each run (kept for joining its stream later).</summary>
    public IReadOnlyList<StreamMode>? StreamMode { get; set; }

    /// <summary>Gets or sets whether each run streams the output of subgraphs too.</summary>
    public bool? StreamSubgraphs { get; set; }

    /// <summary>Gets or sets whether the server keeps each run's stream so it can be replayed after a disconnect.</summary>
    public bool? StreamResumable { get; set; }

    /// <summary>Gets or sets when each run saves checkpoints.</summary>
    public Durability? Durability { get; set; }

    /// <summary>Gets or sets whether each run checkpoints during the run. Deprecated by the server: use <see cref="Durability"/>.</summary>
    public bool? CheckpointDuring { get; set; }

    /// <summary>
    /// Sets <see cref="Timezone"/> to the IANA id of <paramref name="timeZone"/>; a Windows id such as
    /// <c>Pacific Standard Time</c> is converted to its IANA id (<c>America/Los_Angeles</c>).
    /// </summary>
    /// <param name="timeZone">The time zone, for example <see cref="TimeZoneInfo.Local"/>.</param>
    /// <exception cref="ArgumentException">The time zone has no IANA id (a custom time zone, or a Windows id with no IANA equivalent).</exception>
    public void SetTimezone(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (timeZone.HasIanaId)
        {
            Timezone = timeZone.Id;
        }
        else if (TimeZoneInfo.TryConvertWindowsIdToIanaId(timeZone.Id, out var ianaId))
        {
            Timezone = ianaId;
        }
        else
        {
            throw new ArgumentException($"The time zone '{timeZone.Id}' has no IANA id; cron schedules need one, for example 'Europe/Paris'.", nameof(timeZone));
        }
    }
}

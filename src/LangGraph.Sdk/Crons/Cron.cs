using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A cron job: a run the server starts on a schedule, on a thread or on a new thread each time (Python's <c>Cron</c>).</summary>
public sealed record Cron
{
    /// <summary>Gets the cron id.</summary>
    [JsonPropertyName("cron_id")]
    public string CronId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the id of the assistant each run uses.</summary>
    [JsonPropertyName("assistant_id")]
    public string AssistantId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the thread the runs happen on, or null for a cron that makes a new thread for each run.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    /// <summary>Gets what happens to the thread of each run when it completes (crons without a thread only).</summary>
    [JsonPropertyName("on_run_completed")]
    public OnCompletionBehavior? OnRunCompleted { get; init; }

    /// <summary>Gets when the cron stops, or null when it runs until deleted.</summary>
    [JsonPropertyName("end_time")]
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Gets the cron expression, for example <c>0 9 * * *</c>.</summary>
    [JsonPropertyName("schedule")]
    public string Schedule { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the IANA time zone the schedule is read in, or null for UTC.</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    /// <summary>Gets when the cron was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the cron was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the run payload each run is created with (input, config, stream modes…), when the server includes it.</summary>
    [JsonPropertyName("payload")]
    public JsonElement? Payload { get; init; }

    /// <summary>Gets the id of the user the cron belongs to, when there is one.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Gets when the next run starts, when one is due.</summary>
    [JsonPropertyName("next_run_date")]
    public DateTimeOffset? NextRunDate { get; init; }

    /// <summary>Gets the cron's metadata; never null.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init => field = value ?? ReadOnlyDictionary<string, JsonElement>.Empty; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Gets whether the cron is enabled, or null when the server does not say (servers older than the flag run every cron).</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }
}

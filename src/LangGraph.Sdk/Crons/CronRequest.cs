using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of the cron create and update routes: the run fields plus the schedule and the cron's own fields.</summary>
internal sealed record CronRequest : RunFieldsRequest
{
    [JsonPropertyName("schedule")]
    public string? Schedule { get; init; }

    /// <summary>Gets the end time: an ISO 8601 string, a JSON <c>null</c> (clears it), or not sent.</summary>
    [JsonPropertyName("end_time")]
    public JsonElement? EndTime { get; init; }

    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    [JsonPropertyName("timezone")]
    public string? Timezone { get; init; }

    [JsonPropertyName("on_run_completed")]
    public string? OnRunCompleted { get; init; }
}

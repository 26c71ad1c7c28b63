using System;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>crons:create</c> event. Creating a cron job. Python's <c>CronsCreate</c>.
/// </summary>
/// <remarks>An <c>[On("crons", "create")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class CronsCreate
{
    /// <summary>Gets or sets the run request the cron starts (<c>payload</c>).</summary>
    public JsonObject? Payload { get; set; }

    /// <summary>Gets or sets the cron schedule (<c>schedule</c>).</summary>
    public string? Schedule { get; set; }

    /// <summary>Gets or sets the cron id, a UUID (<c>cron_id</c>).</summary>
    public string? CronId { get; set; }

    /// <summary>Gets or sets the thread id, a UUID (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets the user the cron runs for (<c>user_id</c>).</summary>
    public string? UserId { get; set; }

    /// <summary>Gets or sets when the cron stops (<c>end_time</c>).</summary>
    public DateTimeOffset? EndTime { get; set; }
}

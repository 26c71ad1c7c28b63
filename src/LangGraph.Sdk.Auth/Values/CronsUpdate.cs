using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>crons:update</c> event. Updating a cron job. Python's <c>CronsUpdate</c>.
/// </summary>
/// <remarks>An <c>[On("crons", "update")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class CronsUpdate
{
    /// <summary>Gets or sets the cron id, a UUID (<c>cron_id</c>).</summary>
    public string? CronId { get; set; }

    /// <summary>Gets or sets the run request the cron starts (<c>payload</c>).</summary>
    public JsonObject? Payload { get; set; }

    /// <summary>Gets or sets the cron schedule (<c>schedule</c>).</summary>
    public string? Schedule { get; set; }
}

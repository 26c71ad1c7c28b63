namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>crons:read</c> event. Reading a cron job. Python's <c>CronsRead</c>.
/// </summary>
/// <remarks>An <c>[On("crons", "read")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class CronsRead
{
    /// <summary>Gets or sets the cron id, a UUID (<c>cron_id</c>).</summary>
    public string? CronId { get; set; }
}

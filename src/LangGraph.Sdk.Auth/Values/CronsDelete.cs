namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>crons:delete</c> event. Deleting a cron job. Python's <c>CronsDelete</c>.
/// </summary>
/// <remarks>An <c>[On("crons", "delete")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class CronsDelete
{
    /// <summary>Gets or sets the cron id, a UUID (<c>cron_id</c>).</summary>
    public string? CronId { get; set; }
}

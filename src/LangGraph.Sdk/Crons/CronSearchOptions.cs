using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="CronsClient.SearchAsync"/>. <see cref="Limit"/> and <see cref="Offset"/> are always sent;
/// the rest only when set and not empty.
/// </summary>
public sealed class CronSearchOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the assistant the crons must use.</summary>
    public string? AssistantId { get; set; }

    /// <summary>Gets or sets the thread the crons must run on.</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets whether the crons must be enabled (true) or disabled (false).</summary>
    public bool? Enabled { get; set; }

    /// <summary>Gets the metadata the crons must have (exact match per key).</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the page size.</summary>
    /// <value>The default value is 10.</value>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets how many crons to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; set; }

    /// <summary>Gets or sets the sort field; the server's default order applies when null.</summary>
    public CronSortBy? SortBy { get; set; }

    /// <summary>Gets or sets the sort direction; the server's default applies when null.</summary>
    public SortOrder? SortOrder { get; set; }

    /// <summary>
    /// Gets the fields to return (<c>cron_id</c>, <c>assistant_id</c>, <c>thread_id</c>, <c>end_time</c>, <c>schedule</c>,
    /// <c>timezone</c>, <c>created_at</c>, <c>updated_at</c>, <c>user_id</c>, <c>payload</c>, <c>next_run_date</c>,
    /// <c>metadata</c>, <c>now</c>, <c>on_run_completed</c>, <c>enabled</c>); all fields when empty.
    /// </summary>
    public IList<string> Select { get; } = new List<string>();
}

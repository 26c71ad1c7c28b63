using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.CancelManyAsync"/>: which runs to cancel and how.</summary>
public sealed class RunCancelManyOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the thread whose runs are cancelled (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets the ids of the runs to cancel (<c>run_ids</c>).</summary>
    public IReadOnlyList<string>? RunIds { get; set; }

    /// <summary>Gets or sets the status of the runs to cancel (<c>status</c>).</summary>
    public BulkCancelRunsStatus? Status { get; set; }

    /// <summary>Gets or sets how the runs are stopped.</summary>
    /// <value>The default value is <see cref="CancelAction.Interrupt"/>.</value>
    public CancelAction Action { get; set; } = CancelAction.Interrupt;
}

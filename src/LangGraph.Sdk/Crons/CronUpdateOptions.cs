namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="CronsClient.UpdateAsync"/>: what to change. Null members are left unchanged.
/// To remove the end time, set <see cref="ClearEndTime"/> (sent as <c>"end_time": null</c>).
/// </summary>
public sealed class CronUpdateOptions : CronRunOptions
{
    /// <summary>Gets or sets a new cron expression.</summary>
    public string? Schedule { get; set; }

    /// <summary>
    /// Gets or sets whether the cron's end time is removed, so it runs until deleted: sends <c>"end_time": null</c>
    /// (Python's explicit <c>end_time=None</c>). Cannot be combined with <see cref="CronRunOptions.EndTime"/>.
    /// </summary>
    /// <value>The default value is false: the end time is left as it is unless <see cref="CronRunOptions.EndTime"/> is set.</value>
    public bool ClearEndTime { get; set; }

    /// <summary>Gets or sets what happens to the thread of each run when it completes (crons without a thread only).</summary>
    public OnCompletionBehavior? OnRunCompleted { get; set; }
}

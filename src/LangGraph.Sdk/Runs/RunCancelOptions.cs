namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.CancelAsync"/>.</summary>
public sealed class RunCancelOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets or sets whether the call returns only once the run has stopped (<c>wait=1</c>). Waiting is a long poll: it is
    /// not subject to <see cref="LangGraphClientOptions.Timeout"/>.
    /// </summary>
    public bool Wait { get; set; }

    /// <summary>Gets or sets how the run is stopped.</summary>
    /// <value>The default value is <see cref="CancelAction.Interrupt"/>.</value>
    public CancelAction Action { get; set; } = CancelAction.Interrupt;

    /// <summary>
    /// Gets or sets why the run is cancelled (<c>reason</c> query parameter; JS 1.15.0): <see cref="RunCancelReason.Taken"/>
    /// marks the run's input as absorbed elsewhere (steering), and the server records a <see cref="Run.CancelReason"/>
    /// starting with <c>taken:</c>; valid only with <see cref="CancelAction.Interrupt"/>. Null is not sent. The JS dev
    /// server 1.5.1 ignores it.
    /// </summary>
    public RunCancelReason? Reason { get; set; }
}

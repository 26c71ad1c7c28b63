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
}

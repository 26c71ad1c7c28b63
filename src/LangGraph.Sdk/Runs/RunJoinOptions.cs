namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.JoinAsync"/>.</summary>
public sealed class RunJoinOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets whether the server cancels the run if this client disconnects (<c>cancel_on_disconnect</c>); not sent when null.</summary>
    public bool? CancelOnDisconnect { get; set; }

    /// <summary>Gets or sets whether a failed run raises <see cref="LangGraphRunException"/> instead of returning its <c>__error__</c> result.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ThrowOnError { get; set; } = true;
}

using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.JoinStreamAsync"/>.</summary>
public sealed class RunJoinStreamOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets or sets the id of the last event already seen, sent as <c>Last-Event-ID</c>: the stream resumes after it.
    /// <c>"-1"</c> replays a run created with <see cref="RunCreateOptions.StreamResumable"/> from its start.
    /// </summary>
    public string? LastEventId { get; set; }

    /// <summary>Gets or sets whether the server cancels the run if this client disconnects (<c>cancel_on_disconnect</c>).</summary>
    public bool CancelOnDisconnect { get; set; }

    /// <summary>Gets or sets the stream modes to receive, a subset of those the run was created with; all of them when null.</summary>
    public IReadOnlyList<StreamMode>? StreamMode { get; set; }

    /// <summary>Gets or sets whether an <c>error</c> event is raised as <see cref="LangGraphRunException"/> after it is yielded.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ThrowOnError { get; set; } = true;
}

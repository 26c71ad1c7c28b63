using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.JoinStreamAsync"/>.</summary>
public sealed class ThreadJoinStreamOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the id of the last event already seen, sent as <c>Last-Event-ID</c> to resume after it.</summary>
    public string? LastEventId { get; set; }

    /// <summary>Gets the stream modes; <see cref="ThreadStreamMode.RunModes"/> when empty.</summary>
    public IList<ThreadStreamMode> StreamMode { get; } = new List<ThreadStreamMode>();
}

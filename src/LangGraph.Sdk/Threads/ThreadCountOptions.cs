using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.CountAsync"/>. Empty collections and null values are not sent.</summary>
public sealed class ThreadCountOptions : LangGraphRequestOptions
{
    /// <summary>Gets the metadata the threads must have.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets the state values the threads must have.</summary>
    public IDictionary<string, object?> Values { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the status the threads must have.</summary>
    public ThreadStatus? Status { get; set; }
}

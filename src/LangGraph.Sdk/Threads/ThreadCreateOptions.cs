using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.CreateAsync"/>.</summary>
public sealed class ThreadCreateOptions : LangGraphRequestOptions
{
    /// <summary>Gets the metadata stored with the thread; sent only when not empty.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the thread id to use; the server makes one when null.</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets what happens when <see cref="ThreadId"/> exists already; the server raises 409 by default.</summary>
    public OnConflictBehavior? IfExists { get; set; }

    /// <summary>Gets the supersteps applied to the new thread, to seed its state (Python's <c>supersteps</c>).</summary>
    public IList<ThreadSuperstep> Supersteps { get; } = new List<ThreadSuperstep>();

    /// <summary>Gets or sets a graph id, stored as <c>metadata.graph_id</c>.</summary>
    public string? GraphId { get; set; }

    /// <summary>Gets or sets the thread's time to live; an <see cref="int"/> means minutes with the <c>delete</c> strategy.</summary>
    public ThreadTtl? Ttl { get; set; }
}

using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.UpdateAsync"/>.</summary>
public sealed class ThreadUpdateOptions : LangGraphRequestOptions
{
    /// <summary>Gets the metadata merged into the thread's metadata (always sent, as the server requires it).</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets a new time to live; an <see cref="int"/> means minutes with the <c>delete</c> strategy.</summary>
    public ThreadTtl? Ttl { get; set; }

    /// <summary>
    /// Gets or sets whether to ask the server for no body (<c>Prefer: return=minimal</c>); the call then returns null.
    /// </summary>
    public bool ReturnMinimal { get; set; }
}

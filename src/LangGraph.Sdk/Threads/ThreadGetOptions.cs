using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.GetAsync"/>.</summary>
public sealed class ThreadGetOptions : LangGraphRequestOptions
{
    /// <summary>Gets extra fields to include, such as <c>ttl</c>; sent comma-joined as <c>include</c> when not empty.</summary>
    public IList<string> Include { get; } = new List<string>();
}

namespace LangGraph.Sdk.Auth;

/// <summary>A thread's time to live, as sent when creating it (Python's <c>ThreadTTL</c>).</summary>
public sealed class ThreadTtl
{
    /// <summary>Gets or sets what happens when the time is up; the server knows <c>"delete"</c>.</summary>
    public string? Strategy { get; set; }

    /// <summary>Gets or sets the time to live, in minutes.</summary>
    public double? Ttl { get; set; }
}

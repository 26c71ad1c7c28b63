namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>threads:read</c> event. Reading a thread, its state, history or runs, or joining a run. Python's <c>ThreadsRead</c>.
/// </summary>
/// <remarks>An <c>[On("threads", "read")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class ThreadsRead
{
    /// <summary>Gets or sets the thread id, a UUID (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets the run id, a UUID (<c>run_id</c>).</summary>
    public string? RunId { get; set; }
}

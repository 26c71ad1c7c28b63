namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>threads:delete</c> event. Deleting a thread or one of its runs. Python's <c>ThreadsDelete</c>.
/// </summary>
/// <remarks>An <c>[On("threads", "delete")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class ThreadsDelete
{
    /// <summary>Gets or sets the thread id, a UUID (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets the run id, a UUID (<c>run_id</c>).</summary>
    public string? RunId { get; set; }
}

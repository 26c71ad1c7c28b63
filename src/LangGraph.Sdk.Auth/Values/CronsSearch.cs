namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>crons:search</c> event. Searching or counting cron jobs. Python's <c>CronsSearch</c>.
/// </summary>
/// <remarks>An <c>[On("crons", "search")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class CronsSearch
{
    /// <summary>Gets or sets the assistant id, a UUID or (on the JS server) a graph id (<c>assistant_id</c>).</summary>
    public string? AssistantId { get; set; }

    /// <summary>Gets or sets the thread id, a UUID (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets the page size (<c>limit</c>). <value>The default value is 10.</value></summary>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets the number of items skipped (<c>offset</c>).</summary>
    public int Offset { get; set; }
}

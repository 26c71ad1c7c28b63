using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.SearchAsync"/>. Empty collections and null values are not sent.</summary>
public sealed class ThreadSearchOptions : LangGraphRequestOptions
{
    /// <summary>Gets the metadata the threads must have (exact match per key).</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets the state values the threads must have.</summary>
    public IDictionary<string, object?> Values { get; } = new Dictionary<string, object?>();

    /// <summary>Gets the thread ids to restrict the search to.</summary>
    public IList<string> Ids { get; } = new List<string>();

    /// <summary>Gets or sets the status the threads must have.</summary>
    public ThreadStatus? Status { get; set; }

    /// <summary>Gets or sets the page size.</summary>
    /// <value>The default value is 10.</value>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets how many threads to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; set; }

    /// <summary>Gets or sets the sort field; the server sorts by <c>created_at</c> when null.</summary>
    public ThreadSortBy? SortBy { get; set; }

    /// <summary>Gets or sets the sort direction; the server sorts descending when null.</summary>
    public SortOrder? SortOrder { get; set; }

    /// <summary>
    /// Gets the fields to return (<c>thread_id</c>, <c>created_at</c>, <c>updated_at</c>, <c>metadata</c>, <c>config</c>,
    /// <c>context</c>, <c>status</c>, <c>values</c>, <c>interrupts</c>); all fields when empty.
    /// </summary>
    public IList<string> Select { get; } = new List<string>();

    /// <summary>
    /// Gets paths to extract from each thread, by alias, for example <c>["last"] = "values.messages[-1]"</c> (at most 10).
    /// The results come back in <see cref="LangGraphThread.Extracted"/>.
    /// </summary>
    public IDictionary<string, string> Extract { get; } = new Dictionary<string, string>();
}

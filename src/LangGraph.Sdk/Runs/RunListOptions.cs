using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.ListAsync"/>.</summary>
public sealed class RunListOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the maximum number of runs returned.</summary>
    /// <value>The default value is 10.</value>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets how many runs to skip.</summary>
    public int Offset { get; set; }

    /// <summary>Gets or sets the status to filter by.</summary>
    public RunStatus? Status { get; set; }

    /// <summary>Gets the fields to return (for example <c>run_id</c>, <c>status</c>); all when empty.</summary>
    public IList<string> Select { get; } = new List<string>();
}

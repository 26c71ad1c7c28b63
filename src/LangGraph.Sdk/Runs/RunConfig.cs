using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// A run's config (Python's <c>Config</c>): tags, recursion limit and the <c>configurable</c> values the graph reads.
/// Null and empty members are not sent.
/// </summary>
public sealed class RunConfig
{
    /// <summary>Gets or sets the tags of the run.</summary>
    public IList<string>? Tags { get; set; }

    /// <summary>Gets or sets the maximum number of steps the run may take (the server's default is 25).</summary>
    public int? RecursionLimit { get; set; }

    /// <summary>Gets or sets the configurable values (for example <c>thread_id</c> or a model name); never null.</summary>
    public IDictionary<string, object?> Configurable { get; set => field = value ?? new Dictionary<string, object?>(); } = new Dictionary<string, object?>();

    /// <summary>Gets or sets metadata carried in the config (the server merges it into the run's metadata); never null.</summary>
    public IDictionary<string, object?> Metadata { get; set => field = value ?? new Dictionary<string, object?>(); } = new Dictionary<string, object?>();
}

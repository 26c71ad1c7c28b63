using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// The options of <see cref="ThreadStream.StartRunAsync"/> (the protocol's <c>run.start</c>). Its <see cref="LangGraphRequestOptions.Headers"/>
/// and <see cref="LangGraphRequestOptions.QueryParams"/> must stay empty: a thread stream sends those of its <see cref="ThreadStreamOptions"/>.
/// </summary>
public sealed class ThreadRunStartOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the run's config (tags, recursion limit, configurable values).</summary>
    public RunConfig? Config { get; set; }

    /// <summary>Gets the run's metadata.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>
    /// Gets or sets what the server does when the thread already has a run in flight. The 1.5.1 server's default is
    /// <c>enqueue</c>, and it then stops streaming the first run: start a run after the previous one ended.
    /// </summary>
    public MultitaskStrategy? MultitaskStrategy { get; set; }
}

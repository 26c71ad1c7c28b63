using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="RemoteGraph.StreamAsync"/>: the stream modes and whether subgraphs stream too, besides every
/// <see cref="RemoteGraphInvokeOptions"/> field.
/// </summary>
public sealed class RemoteGraphStreamOptions : RemoteGraphInvokeOptions
{
    /// <summary>
    /// Gets or sets the stream modes to yield; <see cref="LangGraph.Sdk.StreamMode.Updates"/> when null or empty, as in
    /// Python. <see cref="LangGraph.Sdk.StreamMode.Messages"/> is requested as <c>messages-tuple</c>, and
    /// <see cref="LangGraph.Sdk.StreamMode.Events"/> is refused (use <see cref="RunsClient.StreamAsync"/> for it).
    /// </summary>
    public IReadOnlyList<StreamMode>? StreamMode { get; set; }

    /// <summary>Gets or sets whether subgraph events are streamed too (<c>stream_subgraphs</c>); their chunks carry a namespace.</summary>
    public bool StreamSubgraphs { get; set; }
}

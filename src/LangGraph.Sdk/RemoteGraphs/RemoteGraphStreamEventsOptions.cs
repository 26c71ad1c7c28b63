using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="RemoteGraph.StreamEventsAsync"/> (Python's <c>stream_events(version="v3")</c>): the thread stream's
/// transport, the run's metadata and multitask strategy, and headers sent with every request of the stream.
/// </summary>
public sealed class RemoteGraphStreamEventsOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the transport of the thread stream.</summary>
    /// <value>The default value is <see cref="ThreadStreamTransport.Sse"/>.</value>
    public ThreadStreamTransport Transport { get; set; } = ThreadStreamTransport.Sse;

    /// <summary>Gets the run's metadata.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets what the server does when the thread already has a run in flight.</summary>
    public MultitaskStrategy? MultitaskStrategy { get; set; }
}

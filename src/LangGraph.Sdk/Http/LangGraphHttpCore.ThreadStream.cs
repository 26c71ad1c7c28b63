namespace LangGraph.Sdk.Http;

/// <summary>What the thread stream transports read from the core (<see cref="ThreadStreams.ThreadStreamConnection"/>).</summary>
internal sealed partial class LangGraphHttpCore
{
    /// <summary>Gets the largest event accepted, in bytes (<see cref="LangGraphClientOptions.MaxStreamEventSize"/>).</summary>
    internal int MaxStreamEventSize => _maxStreamEventSize;
}

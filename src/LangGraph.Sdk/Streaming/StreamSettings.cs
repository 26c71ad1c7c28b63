using System;

namespace LangGraph.Sdk.Streaming;

/// <summary>How the HTTP core runs one event stream: callbacks, the error policy, and where the stream resumes.</summary>
internal sealed class StreamSettings
{
    public static StreamSettings PassThrough { get; } = new();

    /// <summary>Called once with the run the first response names in <c>Content-Location</c>, before the first event.</summary>
    public Action<RunCreateMetadata>? OnRunCreated { get; init; }

    /// <summary>Whether an <c>error</c> event is raised as <see cref="LangGraphRunException"/> after it is yielded.</summary>
    public bool ThrowOnError { get; init; }

    /// <summary>Builds the exception a run error becomes (see <see cref="RunErrorFactory"/>); null for <see cref="LangGraphRunException"/>.</summary>
    public RunErrorFactory? RunError { get; init; }

    /// <summary>The id the stream resumes after (the caller's <c>Last-Event-ID</c>), if any.</summary>
    public string? LastEventId { get; init; }

    /// <summary>The run being streamed, when the caller knows it (joins); otherwise read from the response headers.</summary>
    public RunLocation? Run { get; init; }

    /// <summary>
    /// Whether the run was created with <c>stream_resumable</c>: then, without a <c>Location</c>, an early end is resumed
    /// through the run's join route (<c>GET /threads/{tid}/runs/{rid}/stream</c>) with <c>Last-Event-ID</c>.
    /// </summary>
    public bool Resumable { get; init; }
}

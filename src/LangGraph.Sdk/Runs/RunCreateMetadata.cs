namespace LangGraph.Sdk;

/// <summary>
/// The ids of a run the server has just created, read from the response's <c>Content-Location</c> header and passed to
/// <see cref="RunCreateOptions.OnRunCreated"/> before the first event (Python's <c>RunCreateMetadata</c>).
/// </summary>
/// <param name="RunId">The run id.</param>
/// <param name="ThreadId">The thread id, or null for a stateless run.</param>
public sealed record RunCreateMetadata(string RunId, string? ThreadId);

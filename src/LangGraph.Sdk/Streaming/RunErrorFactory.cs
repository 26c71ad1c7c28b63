using System.Text.Json;

namespace LangGraph.Sdk.Streaming;

/// <summary>
/// The one hook for the exception a run's error becomes: given the error's name and message (already redacted), the run
/// and the error payload, returns the exception to raise. <see cref="RemoteGraph"/> uses it to raise
/// <see cref="RemoteGraphException"/>; without it a run error is a <see cref="LangGraphRunException"/>.
/// </summary>
internal delegate LangGraphRunException RunErrorFactory(string errorName, string errorMessage, string? runId, string? threadId, JsonElement error);

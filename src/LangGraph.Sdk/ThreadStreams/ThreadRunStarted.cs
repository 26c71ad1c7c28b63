using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The reply to <see cref="ThreadStream.StartRunAsync"/>: the run the server started.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="AppliedThroughSeq">The last event sequence number the server had when it answered, when it said.</param>
public sealed record ThreadRunStarted(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("applied_through_seq")] long? AppliedThroughSeq);

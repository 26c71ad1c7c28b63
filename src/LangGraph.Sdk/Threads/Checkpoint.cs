using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>Identifies one checkpoint of a thread: where to read state from, or where to resume or fork a run.</summary>
public sealed record Checkpoint
{
    /// <summary>Gets the thread id.</summary>
    [JsonPropertyName("thread_id")]
    public string? ThreadId { get; init; }

    /// <summary>Gets the checkpoint namespace: empty for the root graph, <c>node:task</c> segments for subgraphs.</summary>
    [JsonPropertyName("checkpoint_ns")]
    public string? CheckpointNs { get; init; }

    /// <summary>Gets the checkpoint id.</summary>
    [JsonPropertyName("checkpoint_id")]
    public string? CheckpointId { get; init; }

    /// <summary>Gets the map of namespaces to checkpoint ids for subgraphs, when there is one.</summary>
    [JsonPropertyName("checkpoint_map")]
    public JsonElement? CheckpointMap { get; init; }
}

using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>What pruning threads returns.</summary>
public sealed record ThreadPruneResult
{
    /// <summary>Gets how many threads were pruned.</summary>
    [JsonPropertyName("pruned_count")]
    public int PrunedCount { get; init; }
}

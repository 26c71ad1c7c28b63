using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>What updating a thread's state returns: the checkpoint the update created.</summary>
public sealed record ThreadUpdateStateResponse
{
    /// <summary>Gets the new checkpoint.</summary>
    [JsonPropertyName("checkpoint")]
    public Checkpoint? Checkpoint { get; init; }
}

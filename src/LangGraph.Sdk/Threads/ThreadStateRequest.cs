using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The body of the thread state routes: <c>POST /threads/{id}/state/checkpoint</c> (checkpoint, subgraphs, select),
/// <c>POST /threads/{id}/state</c> (values, checkpoint, as_node) and <c>POST /threads/{id}/history</c> (limit, before,
/// metadata, checkpoint, select). Null members are not sent.
/// </summary>
internal sealed record ThreadStateRequest
{
    [JsonPropertyName("values")]
    public JsonElement? Values { get; init; }

    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    [JsonPropertyName("before")]
    public JsonElement? Before { get; init; }

    [JsonPropertyName("metadata")]
    public System.Collections.Generic.Dictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("checkpoint")]
    public Checkpoint? Checkpoint { get; init; }

    [JsonPropertyName("checkpoint_id")]
    public string? CheckpointId { get; init; }

    [JsonPropertyName("as_node")]
    public string? AsNode { get; init; }

    [JsonPropertyName("subgraphs")]
    public bool? Subgraphs { get; init; }

    [JsonPropertyName("select")]
    public System.Collections.Generic.IReadOnlyList<string>? Select { get; init; }
}

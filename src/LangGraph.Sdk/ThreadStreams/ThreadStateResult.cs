using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The reply to <see cref="ThreadStream.GetStateAsync"/> (<c>state.get</c>): the thread's current values and checkpoint.</summary>
/// <param name="Values">The state values (only the keys asked for, when keys were given).</param>
/// <param name="CheckpointId">The id of the current checkpoint, when the server sent one.</param>
/// <param name="CheckpointNs">The namespace of the current checkpoint (<c>""</c> at the root), when the server sent one.</param>
public sealed record ThreadStateResult(
    [property: JsonPropertyName("values")] JsonElement Values,
    [property: JsonPropertyName("checkpoint_id")] string? CheckpointId,
    [property: JsonPropertyName("checkpoint_ns")] string? CheckpointNs);

using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>A request for human input (an <c>input.requested</c> event): answer it with <see cref="ThreadStream.RespondAsync"/>.</summary>
/// <param name="InterruptId">The interrupt id.</param>
/// <param name="Namespace">Where in the graph the interrupt was raised (<c>[]</c> at the root).</param>
/// <param name="Payload">The value the graph passed to <c>interrupt</c>.</param>
public sealed record ThreadInterrupt(
    [property: JsonPropertyName("interrupt_id")] string InterruptId,
    [property: JsonPropertyName("namespace")] IReadOnlyList<string> Namespace,
    [property: JsonPropertyName("payload")] JsonElement Payload);

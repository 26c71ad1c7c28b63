using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>An interrupt raised by a graph (<c>interrupt(value)</c>), waiting for a resume value.</summary>
public sealed record Interrupt
{
    /// <summary>Gets the value the graph passed to <c>interrupt</c>.</summary>
    [JsonPropertyName("value")]
    public JsonElement Value { get; init; }

    /// <summary>Gets the interrupt id, used to resume one interrupt among several.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets the JSON Schema of the value expected when resuming this interrupt (<c>response_schema</c>), when the graph gave one.</summary>
    [JsonPropertyName("response_schema")]
    public JsonElement? ResponseSchema { get; init; }

    /// <summary>
    /// Gets the protocol namespace of the interrupt (<c>namespace</c>; empty at the root), set by servers for nested
    /// subgraph interrupts so that one can be resumed by id; null when the server does not send it.
    /// </summary>
    [JsonPropertyName("namespace")]
    public IReadOnlyList<string>? Namespace { get; init; }

    /// <summary>Gets any other field the server sent (for example the deprecated <c>when</c>, <c>resumable</c>, <c>ns</c>).</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The wire form of a <see cref="ThreadSuperstep"/>: its updates.</summary>
internal sealed record ThreadSuperstepRequest
{
    [JsonPropertyName("updates")]
    public required IReadOnlyList<ThreadSuperstepUpdateRequest> Updates { get; init; }
}

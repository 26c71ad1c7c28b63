using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The wire form of a <see cref="ThreadSuperstepUpdate"/>: <c>values</c> always (null as JSON null), the rest when set.</summary>
internal sealed record ThreadSuperstepUpdateRequest
{
    [JsonPropertyName("values")]
    public JsonElement Values { get; init; }

    [JsonPropertyName("command")]
    public RunCommandRequest? Command { get; init; }

    [JsonPropertyName("as_node")]
    public string? AsNode { get; init; }
}

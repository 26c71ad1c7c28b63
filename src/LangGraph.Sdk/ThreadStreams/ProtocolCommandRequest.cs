using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>A protocol command: <c>{"id":1,"method":"run.start","params":{…}}</c> (the body of <c>POST /threads/{id}/commands</c>, or a WebSocket frame).</summary>
internal sealed record ProtocolCommandRequest
{
    [JsonPropertyName("id")]
    public required int Id { get; init; }

    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("params")]
    public JsonElement? Params { get; init; }
}

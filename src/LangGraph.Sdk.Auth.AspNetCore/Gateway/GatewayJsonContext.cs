using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>The gateway's source-generated JSON context (AOT-safe serialisation of forwarded bodies).</summary>
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext
{
}

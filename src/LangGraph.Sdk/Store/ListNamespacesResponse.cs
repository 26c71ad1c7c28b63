using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of <c>POST /store/namespaces</c>: <c>{"namespaces": [["a", "b"], ...]}</c>.</summary>
internal sealed record ListNamespacesResponse
{
    [JsonPropertyName("namespaces")]
    public List<List<string>>? Namespaces { get; init; }
}

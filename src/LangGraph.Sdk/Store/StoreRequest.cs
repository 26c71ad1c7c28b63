using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The body of the store routes (put, delete, search items, list namespaces); null members are not sent.</summary>
internal sealed record StoreRequest
{
    [JsonPropertyName("namespace")]
    public IReadOnlyList<string>? Namespace { get; init; }

    [JsonPropertyName("namespace_prefix")]
    public IReadOnlyList<string>? NamespacePrefix { get; init; }

    [JsonPropertyName("key")]
    public string? Key { get; init; }

    [JsonPropertyName("value")]
    public JsonElement? Value { get; init; }

    /// <summary>Gets the fields to index: a list of fields, or <c>false</c> to turn indexing off.</summary>
    [JsonPropertyName("index")]
    public JsonElement? Index { get; init; }

    [JsonPropertyName("ttl")]
    public int? Ttl { get; init; }

    [JsonPropertyName("filter")]
    public Dictionary<string, JsonElement>? Filter { get; init; }

    [JsonPropertyName("prefix")]
    public IReadOnlyList<string>? Prefix { get; init; }

    [JsonPropertyName("suffix")]
    public IReadOnlyList<string>? Suffix { get; init; }

    [JsonPropertyName("max_depth")]
    public int? MaxDepth { get; init; }

    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    [JsonPropertyName("query")]
    public string? Query { get; init; }

    [JsonPropertyName("refresh_ttl")]
    public bool? RefreshTtl { get; init; }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>An item of the server's key-value store (Python's <c>Item</c>).</summary>
public record Item
{
    /// <summary>Gets the item's namespace, for example <c>["users", "alice"]</c>; never null.</summary>
    [JsonPropertyName("namespace")]
    public IReadOnlyList<string> Namespace { get; init => field = value ?? []; } = [];

    /// <summary>Gets the item's key, unique within its namespace.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the stored value (a JSON object); read it with <c>GetProperty(…)</c> or <c>Deserialize&lt;T&gt;()</c>.</summary>
    [JsonPropertyName("value")]
    public JsonElement Value { get; init; }

    /// <summary>Gets when the item was first stored.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the item was last written.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>One version of an assistant (Python's <c>AssistantVersion</c>: an <see cref="Assistant"/> without <c>updated_at</c>).</summary>
public sealed record AssistantVersion
{
    /// <summary>Gets the assistant id.</summary>
    [JsonPropertyName("assistant_id")]
    public string AssistantId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the id of the graph this version runs.</summary>
    [JsonPropertyName("graph_id")]
    public string GraphId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets this version's config, when the server includes it.</summary>
    [JsonPropertyName("config")]
    public JsonElement? Config { get; init; }

    /// <summary>Gets this version's static run context, when the server includes it.</summary>
    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }

    /// <summary>Gets when this version was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets this version's metadata; never null.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init => field = value ?? ReadOnlyDictionary<string, JsonElement>.Empty; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Gets the version number (1 for the first).</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; }

    /// <summary>Gets the assistant's name in this version.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the assistant's description in this version, when it has one.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}

using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// An assistant: a graph with its own config, context and metadata (Python's <c>Assistant</c>). Assistants are
/// versioned; <see cref="Version"/> is the version the assistant currently points to.
/// </summary>
public sealed record Assistant
{
    /// <summary>Gets the assistant id.</summary>
    [JsonPropertyName("assistant_id")]
    public string AssistantId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the id of the graph the assistant runs (a graph name from <c>langgraph.json</c>).</summary>
    [JsonPropertyName("graph_id")]
    public string GraphId { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the assistant's config (<c>tags</c>, <c>recursion_limit</c>, <c>configurable</c>), when the server includes it.</summary>
    [JsonPropertyName("config")]
    public JsonElement? Config { get; init; }

    /// <summary>Gets the assistant's static run context, when the server includes it.</summary>
    [JsonPropertyName("context")]
    public JsonElement? Context { get; init; }

    /// <summary>Gets when the assistant was created.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the assistant was last updated.</summary>
    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the assistant's metadata; never null.</summary>
    [JsonPropertyName("metadata")]
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init => field = value ?? ReadOnlyDictionary<string, JsonElement>.Empty; } = ReadOnlyDictionary<string, JsonElement>.Empty;

    /// <summary>Gets the version the assistant currently points to.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; }

    /// <summary>Gets the assistant's name (<c>Untitled</c> unless one was given; the graph id for the server's own assistants).</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the assistant's description, when it has one.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}

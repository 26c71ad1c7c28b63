using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.CountAsync"/>. Only the filters that are set are sent.</summary>
public sealed class AssistantCountOptions : LangGraphRequestOptions
{
    /// <summary>Gets the metadata the assistants must have (exact match per key).</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the graph the assistants must run.</summary>
    public string? GraphId { get; set; }

    /// <summary>Gets or sets a text the assistant names must contain (case-insensitive).</summary>
    public string? Name { get; set; }
}

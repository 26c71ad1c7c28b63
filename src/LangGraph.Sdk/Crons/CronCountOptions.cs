using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="CronsClient.CountAsync"/>. Only the filters that are set are sent.</summary>
public sealed class CronCountOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the assistant the crons must use.</summary>
    public string? AssistantId { get; set; }

    /// <summary>Gets or sets the thread the crons must run on.</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets the metadata the crons must have (exact match per key).</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();
}

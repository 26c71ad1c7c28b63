using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.GetVersionsAsync"/>. <see cref="Limit"/> and <see cref="Offset"/> are always sent.</summary>
public sealed class AssistantGetVersionsOptions : LangGraphRequestOptions
{
    /// <summary>Gets the metadata the versions must have (exact match per key); sent when not empty.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the page size.</summary>
    /// <value>The default value is 10.</value>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets how many versions to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; set; }
}

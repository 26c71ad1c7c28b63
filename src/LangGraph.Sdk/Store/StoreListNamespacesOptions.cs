using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="StoreClient.ListNamespacesAsync"/>. <see cref="Limit"/> and <see cref="Offset"/> are always sent;
/// the rest when not null.
/// </summary>
public sealed class StoreListNamespacesOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the labels the namespaces must start with (<c>*</c> matches any one label).</summary>
    public IReadOnlyList<string>? Prefix { get; set; }

    /// <summary>Gets or sets the labels the namespaces must end with (<c>*</c> matches any one label).</summary>
    public IReadOnlyList<string>? Suffix { get; set; }

    /// <summary>Gets or sets the depth namespaces are cut to (deeper ones are returned truncated, without duplicates).</summary>
    public int? MaxDepth { get; set; }

    /// <summary>Gets or sets the page size.</summary>
    /// <value>The default value is 100.</value>
    public int Limit { get; set; } = 100;

    /// <summary>Gets or sets how many namespaces to skip.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; set; }
}

using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>store:search</c> event. Searching store items under a namespace prefix (<see cref="Namespace"/> is the prefix). Python's <c>StoreSearch</c>.
/// </summary>
/// <remarks>An <c>[On("store", "search")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class StoreSearch
{
    private IList<string> _namespace = new List<string>();

    /// <summary>Gets or sets the namespace (<c>namespace</c>); never null. A handler may rewrite it.</summary>
    [AllowNull]
    public IList<string> Namespace
    {
        get => _namespace;
        set => _namespace = value ?? new List<string>();
    }

    /// <summary>Gets or sets the filter on item values (<c>filter</c>).</summary>
    public JsonObject? Filter { get; set; }

    /// <summary>Gets or sets the page size (<c>limit</c>). <value>The default value is 10.</value></summary>
    public int Limit { get; set; } = 10;

    /// <summary>Gets or sets the number of items skipped (<c>offset</c>).</summary>
    public int Offset { get; set; }

    /// <summary>Gets or sets the natural-language search query (<c>query</c>).</summary>
    public string? Query { get; set; }
}

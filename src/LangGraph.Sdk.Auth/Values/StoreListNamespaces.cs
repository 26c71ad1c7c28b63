using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>store:list_namespaces</c> event. Listing store namespaces under a prefix (<see cref="Namespace"/> is the prefix). Python's <c>StoreListNamespaces</c>.
/// </summary>
/// <remarks>An <c>[On("store", "list_namespaces")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class StoreListNamespaces
{
    private IList<string> _namespace = new List<string>();

    /// <summary>Gets or sets the namespace (<c>namespace</c>); never null. A handler may rewrite it.</summary>
    [AllowNull]
    public IList<string> Namespace
    {
        get => _namespace;
        set => _namespace = value ?? new List<string>();
    }

    /// <summary>Gets or sets the namespace suffix to match (<c>suffix</c>).</summary>
    public IList<string>? Suffix { get; set; }

    /// <summary>Gets or sets the maximum namespace depth returned (<c>max_depth</c>).</summary>
    public int? MaxDepth { get; set; }

    /// <summary>Gets or sets the page size (<c>limit</c>). <value>The default value is 100.</value></summary>
    public int Limit { get; set; } = 100;

    /// <summary>Gets or sets the number of items skipped (<c>offset</c>).</summary>
    public int Offset { get; set; }
}

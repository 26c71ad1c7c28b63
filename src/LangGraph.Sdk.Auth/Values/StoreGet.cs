using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>store:get</c> event. Getting a store item. Python's <c>StoreGet</c>.
/// </summary>
/// <remarks>An <c>[On("store", "get")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class StoreGet
{
    private IList<string> _namespace = new List<string>();

    /// <summary>Gets or sets the namespace (<c>namespace</c>); never null. A handler may rewrite it.</summary>
    [AllowNull]
    public IList<string> Namespace
    {
        get => _namespace;
        set => _namespace = value ?? new List<string>();
    }

    /// <summary>Gets or sets the item key (<c>key</c>).</summary>
    public string? Key { get; set; }
}

using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>store:put</c> event. Putting a store item. Python's <c>StorePut</c>.
/// </summary>
/// <remarks>An <c>[On("store", "put")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class StorePut
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

    /// <summary>Gets or sets the item value (<c>value</c>).</summary>
    public JsonObject? Value { get; set; }

    /// <summary>Gets or sets the fields to index: <c>false</c>, a list of paths, or null for the default (<c>index</c>).</summary>
    public JsonNode? Index { get; set; }
}

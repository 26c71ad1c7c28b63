using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>A request as the handler saw it: method, absolute URL, every header, and the body.</summary>
public sealed record SeenRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>The escaped path and query, as sent.</summary>
    public string PathAndQuery => Url.PathAndQuery;

    /// <summary>The escaped path, as sent.</summary>
    public string Path => Url.AbsolutePath;

    /// <summary><c>METHOD path?query</c>.</summary>
    public string Line => $"{Method} {PathAndQuery}";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

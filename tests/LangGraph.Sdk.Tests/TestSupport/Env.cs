using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>Fake environments for the API key fallback.</summary>
public static class Env
{
    /// <summary>An environment with no variables at all, so the machine's real keys never leak into a test.</summary>
    public static Func<string, string?> Empty { get; } = static _ => null;

    public static Func<string, string?> Of(params (string Name, string? Value)[] variables)
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            map[name] = value;
        }

        return name => map.TryGetValue(name, out var value) ? value : null;
    }
}

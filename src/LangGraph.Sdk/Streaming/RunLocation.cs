using System;
using System.Text.RegularExpressions;

namespace LangGraph.Sdk.Streaming;

/// <summary>The thread and run ids a <c>Content-Location</c> or <c>Location</c> header names: <c>(/threads/{tid})?/runs/{rid}</c>.</summary>
internal sealed partial record RunLocation(string RunId, string? ThreadId)
{
    /// <summary>Parses a header value (relative or absolute); null when it names no run.</summary>
    public static RunLocation? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var match = Pattern().Match(value);
        if (!match.Success)
        {
            return null;
        }

        var thread = match.Groups["t"];
        return new RunLocation(
            Uri.UnescapeDataString(match.Groups["r"].Value),
            thread.Success ? Uri.UnescapeDataString(thread.Value) : null);
    }

    [GeneratedRegex("(?:/threads/(?<t>[^/?#]+))?/runs/(?<r>[^/?#]+)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

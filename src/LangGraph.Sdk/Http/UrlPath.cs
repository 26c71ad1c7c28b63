using System;

namespace LangGraph.Sdk.Http;

/// <summary>Builds request paths with every id escaped as one path segment.</summary>
internal static class UrlPath
{
    /// <summary>
    /// Escapes <paramref name="value"/> as a single path segment (Python's <c>quote(v, safe="")</c>).
    /// Empty values and the dot segments <c>.</c> and <c>..</c> are refused: they would change which route is called.
    /// </summary>
    public static string Segment(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"'{parameterName}' must not be empty or whitespace.", parameterName);
        }

        if (value is "." or "..")
        {
            throw new ArgumentException($"'{parameterName}' must not be '.' or '..': such a path segment would change the route.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }
}

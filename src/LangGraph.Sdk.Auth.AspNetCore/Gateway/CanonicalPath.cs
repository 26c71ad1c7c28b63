using System;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// The one path a request is classified by and forwarded to. ASP.NET Core hands over <c>Request.Path</c> percent-decoded
/// (except <c>%2F</c>) and dot-resolved, as the LangGraph server routes it; what remains ambiguous is refused the way the
/// server refuses it, and the path forwarded is rebuilt from the route that was classified.
/// </summary>
internal static class CanonicalPath
{
    /// <summary>Classifies a request path, or says why it is refused.</summary>
    /// <param name="method">The request method as sent.</param>
    /// <param name="path">The decoded, dot-resolved path (ASP.NET Core's <c>Request.Path</c>).</param>
    /// <param name="match">The route.</param>
    /// <param name="forwardPath">The path to forward: exactly the one classified, ids re-escaped.</param>
    /// <param name="error">Why the path is refused.</param>
    /// <returns>True when the path is a canonical LangGraph route (or an exempt path).</returns>
    public static bool TryResolve(string method, string? path, out AuthRouteMatch match, [NotNullWhen(true)] out string? forwardPath, [NotNullWhen(false)] out GatewayError? error)
    {
        match = default;
        forwardPath = null;
        path = string.IsNullOrEmpty(path) ? "/" : path;

        // The server answers 400 for a lower-case method and for a backslash; stay as strict.
        if (!IsUpperCase(method) || path.Contains('\\', StringComparison.Ordinal))
        {
            error = new GatewayError(400, "Bad Request");
            return false;
        }

        // Left over after decoding: an encoded slash (%2F), a decoded '%', '#' or '?', or a control character. The server
        // would read these differently from this gateway, so they are refused.
        if (path.AsSpan().IndexOfAny("%#?") >= 0 || HasControl(path))
        {
            error = GatewayError.NotFound;
            return false;
        }

        // The server answers 404 for "//" and a trailing slash.
        if (path[0] != '/' || path.Contains("//", StringComparison.Ordinal) || (path.Length > 1 && path[^1] == '/'))
        {
            error = GatewayError.NotFound;
            return false;
        }

        match = GatewayEngine.Classify(method, path);
        if (match.Route is null)
        {
            if (match.IsExempt)
            {
                forwardPath = path;
                error = null;
                return true;
            }

            // Unknown route: fail closed, never forwarded.
            error = GatewayError.NotFound;
            return false;
        }

        // Literal segments must be exactly the template's (the server is case-sensitive); ids are re-escaped.
        var template = match.Route.Template.AsSpan(1);
        var rest = path.AsSpan(1);
        var builder = new StringBuilder(path.Length + 16);
        while (true)
        {
            var t = template.IndexOf('/');
            var p = rest.IndexOf('/');
            var templateSegment = t < 0 ? template : template[..t];
            var pathSegment = p < 0 ? rest : rest[..p];
            builder.Append('/');
            if (templateSegment.Length > 0 && templateSegment[0] == '{')
            {
                builder.Append(Uri.EscapeDataString(pathSegment.ToString()));
            }
            else if (templateSegment.SequenceEqual(pathSegment))
            {
                builder.Append(pathSegment);
            }
            else
            {
                error = GatewayError.NotFound;
                return false;
            }

            if (t < 0 || p < 0)
            {
                if (t >= 0 || p >= 0)
                {
                    error = GatewayError.NotFound;
                    return false;
                }

                break;
            }

            template = template[(t + 1)..];
            rest = rest[(p + 1)..];
        }

        forwardPath = builder.ToString();
        error = null;
        return true;
    }

    private static bool IsUpperCase(string method)
    {
        foreach (var c in method)
        {
            if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return method.Length > 0;
    }

    private static bool HasControl(string path)
    {
        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}

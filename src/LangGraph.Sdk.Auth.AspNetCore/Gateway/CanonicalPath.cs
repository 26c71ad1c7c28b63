using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// The one path a request is classified by and forwarded to: the engine's canonical path of the raw request target
/// (what the LangGraph server decodes and routes), never a second decoding of ASP.NET Core's already decoded path.
/// </summary>
internal static class CanonicalPath
{
    /// <summary>Classifies a request, or says why it is refused.</summary>
    /// <param name="request">The request.</param>
    /// <param name="match">The route.</param>
    /// <param name="forwardPath">The path to forward: exactly the canonical path that was classified.</param>
    /// <param name="error">Why the request is refused: 400 or 404 as the server answers, 404 for an unknown route.</param>
    /// <returns>True when the target is a LangGraph route or an exempt path.</returns>
    public static bool TryResolve(HttpRequest request, out AuthRouteMatch match, [NotNullWhen(true)] out string? forwardPath, [NotNullWhen(false)] out GatewayError? error)
    {
        forwardPath = null;
        match = default;

        // The server answers 400 for a lower-case method; stay as strict (the engine compares methods case-insensitively).
        foreach (var c in request.Method)
        {
            if (c is < 'A' or > 'Z')
            {
                error = new GatewayError(400, "Bad Request");
                return false;
            }
        }

        // Mounted under a path base, the raw target no longer starts at the API root: classify the path ASP.NET Core
        // decoded instead (an encoded slash stays encoded in it, and the engine refuses it).
        var target = request.PathBase.HasValue
            ? request.Path.Value ?? "/"
            : request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        match = GatewayEngine.Classify(request.Method, target);
        if (match.IsRefused)
        {
            error = GatewayError.From(match.Refusal!);
            return false;
        }

        if (match.Route is null && !match.IsExempt)
        {
            // Unknown route: fail closed, never forwarded.
            error = GatewayError.NotFound;
            return false;
        }

        forwardPath = match.CanonicalPath!;
        error = null;
        return true;
    }
}

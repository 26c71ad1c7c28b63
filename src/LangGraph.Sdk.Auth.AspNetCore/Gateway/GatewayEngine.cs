using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// Every call the gateway makes into the auth engine (<see cref="LangGraph.Sdk.Auth"/>), in one place: the engine decides,
/// the gateway only adapts ASP.NET Core to it.
/// </summary>
internal sealed class GatewayEngine
{
    internal const string StudioSchemeHeader = "x-auth-scheme";

    private readonly Auth _auth;
    private readonly bool _allowStudioUsers;
    private readonly UpstreamReader _upstream;

    public GatewayEngine(Auth auth, bool allowStudioUsers, UpstreamReader upstream)
    {
        _auth = auth;
        _allowStudioUsers = allowStudioUsers;
        _upstream = upstream;
        if (allowStudioUsers && !auth.EnableStudioAuth)
        {
            auth.EnableStudioAuth = true;
        }
    }

    /// <summary>Which route a canonical path is, by the engine's route table.</summary>
    public static AuthRouteMatch Classify(string method, string path) => AuthRoutes.Classify(method, path);

    /// <summary>
    /// Authenticates and authorizes one request (path already canonical, body already parsed strictly): every event the
    /// server gates on, with the stored values the engine asks for read upstream (a copy's thread, a graph id's UUID).
    /// </summary>
    public ValueTask<AuthOutcome> HandleAsync(HttpContext context, string method, string pathAndQuery, JsonElement? body, CancellationToken cancellationToken)
    {
        var request = new AuthRequest(method, pathAndQuery)
        {
            Headers = HeadersOf(context.Request.Headers),
            Body = body,
            Request = context,
            ThreadMetadataLoader = _upstream.LoadThreadMetadataAsync,
            AssistantIdResolver = _upstream.ResolveAssistantIdAsync,
        };
        return _auth.HandleAsync(request, cancellationToken);
    }

    private Dictionary<string, string> HeadersOf(IHeaderDictionary headers)
    {
        var result = new Dictionary<string, string>(headers.Count, System.StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            if (!_allowStudioUsers && string.Equals(name, StudioSchemeHeader, System.StringComparison.OrdinalIgnoreCase))
            {
                // No header bypasses authentication unless AllowStudioUsers: the engine never sees the Studio scheme.
                continue;
            }

            result[name] = values.Count == 1 ? values[0] ?? string.Empty : string.Join(", ", (IEnumerable<string?>)values);
        }

        return result;
    }
}

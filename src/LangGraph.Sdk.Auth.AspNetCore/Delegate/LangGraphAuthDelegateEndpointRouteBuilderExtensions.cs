using System;
using LangGraph.Sdk.Auth.AspNetCore.Delegate;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the auth delegate endpoint (<c>MapLangGraphAuthDelegate</c>).</summary>
public static class LangGraphAuthDelegateEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the endpoint that the shipped auth files (<c>auth-delegate.mjs</c>, <c>auth_delegate.py</c>) call from inside a
    /// LangGraph server: <c>POST {pattern}/authenticate</c> and <c>POST {pattern}/authorize</c>, run by the registered
    /// <see cref="LangGraph.Sdk.Auth.Auth"/>. Calls without the shared secret are answered 401. The auth file's
    /// <c>LANGGRAPH_AUTH_DELEGATE_URL</c> is this endpoint's full URL, for example <c>https://auth.example.com/langgraph-auth</c>.
    /// Call <c>AddLangGraphAuth(…).AddDelegate(…)</c> first.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder, for example the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route prefix, for example <c>"/langgraph-auth"</c>.</param>
    /// <returns>The endpoints' convention builder (to add metadata such as a host filter).</returns>
    /// <exception cref="InvalidOperationException">The delegate services are not registered.</exception>
    public static IEndpointConventionBuilder MapLangGraphAuthDelegate(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var handler = endpoints.ServiceProvider.GetService<AuthDelegate>() ?? throw new InvalidOperationException(
            "The LangGraph auth delegate is not registered: call services.AddLangGraphAuth(…).AddDelegate(o => o.Secret = …) before MapLangGraphAuthDelegate(…).");
        var group = endpoints.MapGroup(pattern);
        group.MapPost("/authenticate", (RequestDelegate)handler.AuthenticateAsync).WithDisplayName("LangGraph auth delegate: authenticate");
        group.MapPost("/authorize", (RequestDelegate)handler.AuthorizeAsync).WithDisplayName("LangGraph auth delegate: authorize");
        return group;
    }
}

using System;
using LangGraph.Sdk.Auth.AspNetCore.Gateway;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the auth gateway (<c>MapLangGraphAuthGateway</c>).</summary>
public static class LangGraphAuthGatewayEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every path not mapped by another endpoint to the gateway: each request is classified, authenticated,
    /// authorized by the registered <see cref="LangGraph.Sdk.Auth.Auth"/>, then proxied to the upstream LangGraph server.
    /// Unknown routes are answered 404 and never forwarded. Call <c>AddLangGraphAuth(…).AddGateway(…)</c> first.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder, for example the <c>WebApplication</c>.</param>
    /// <returns>The endpoint's convention builder (to add metadata such as a CORS policy).</returns>
    /// <exception cref="InvalidOperationException">The gateway services are not registered.</exception>
    public static IEndpointConventionBuilder MapLangGraphAuthGateway(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var gateway = endpoints.ServiceProvider.GetService<AuthGateway>() ?? throw new InvalidOperationException(
            "The LangGraph auth gateway is not registered: call services.AddLangGraphAuth(…).AddGateway(o => o.Upstream = …) before MapLangGraphAuthGateway().");
        RequestDelegate handler = gateway.InvokeAsync;
        return endpoints.Map("/{**langgraphPath}", handler).WithDisplayName("LangGraph auth gateway");
    }
}

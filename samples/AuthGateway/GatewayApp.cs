using System;
using LangGraph.Sdk.Auth.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AuthGateway;

/// <summary>The whole gateway: the handlers and their stores in DI, the upstream, one endpoint for every route.</summary>
public static class GatewayApp
{
    /// <summary>Builds the gateway in front of <paramref name="upstream"/> (a LangGraph server whose own auth is off).</summary>
    public static WebApplication Build(string[] args, Uri upstream)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton(ApiKeyStore.Demo);
        builder.Services.AddSingleton<UserTokenStore>();
        builder.Services.AddLangGraphAuth<SeedAuth>()
            .AddGateway(o => o.Upstream = upstream);

        var app = builder.Build();
        app.MapLangGraphAuthGateway();
        return app;
    }
}

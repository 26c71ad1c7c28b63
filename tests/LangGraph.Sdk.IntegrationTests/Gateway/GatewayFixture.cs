using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth;
using LangGraph.Sdk.Auth.AspNetCore;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LangGraph.Sdk.IntegrationTests.Gateway;

/// <summary>
/// The no-auth JS server (<c>langgraph.noauth.json</c>, its own port and work directory) behind the C# gateway, hosted
/// in-process on Kestrel at 127.0.0.1:0 and running <see cref="TestUsersAuth"/>, the C# twin of tests/server/src/auth.ts.
/// Clients talk to <see cref="Url"/> (the gateway); <see cref="UpstreamUrl"/> is the open server behind it.
/// </summary>
public sealed class GatewayFixture : AuthServerFixture, IAsyncLifetime
{
    /// <summary>The request body limit the gateway is configured with, for the 413 test.</summary>
    public const long MaxRequestBodySize = 256 * 1024;

    private LangGraphDevServer? _upstream;
    private WebApplication? _app;
    private Uri? _url;

    public override Uri Url => _url ?? throw new InvalidOperationException("The gateway is not started.");

    public override string Name => "C# gateway over the no-auth server";

    /// <summary>Gets the no-auth server behind the gateway (reachable directly only by the tests).</summary>
    public Uri UpstreamUrl => _upstream?.Url ?? throw new InvalidOperationException("The upstream is not started.");

    /// <summary>The gateway answers denials like the Python server: <c>{"detail": "…"}</c>.</summary>
    public override string ErrorBody(string detail) => DetailBody(detail);

    public async Task InitializeAsync()
    {
        _upstream = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions
        {
            ConfigFile = LangGraphDevServerOptions.NoAuthConfig,
            Log = Console.WriteLine,
        });

        try
        {
            _app = BuildGateway(_upstream.Url);
            await _app.StartAsync();
            var address = _app.Urls.First();
            _url = new Uri(address);
            Console.WriteLine($"The auth gateway listens at {_url} in front of {_upstream.Url}.");
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
            _upstream = null;
        }
    }

    private static WebApplication BuildGateway(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLangGraphAuth(Auth.Auth.FromHandlers(new TestUsersAuth()))
            .AddGateway(o =>
            {
                o.Upstream = upstream;
                o.MaxRequestBodySize = MaxRequestBodySize;
            });
        var app = builder.Build();
        app.MapLangGraphAuthGateway();
        return app;
    }
}

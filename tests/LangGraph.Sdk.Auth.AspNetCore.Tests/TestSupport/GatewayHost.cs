using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;

/// <summary>The gateway on a real loopback socket, in front of a <see cref="FakeUpstream"/>.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app, FakeUpstream upstream, Uri address)
    {
        _app = app;
        Upstream = upstream;
        Address = address;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false }) { BaseAddress = address };
    }

    public FakeUpstream Upstream { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static Task<GatewayHost> StartAsync(Action<LangGraphAuthGatewayOptions>? configure = null) =>
        StartAsync(services => services.AddLangGraphAuth<TestHandlers>(), configure);

    public static async Task<GatewayHost> StartAsync(
        Func<IServiceCollection, LangGraphAuthBuilder> register,
        Action<LangGraphAuthGatewayOptions>? configure = null,
        Action<WebApplicationBuilder>? services = null)
    {
        var upstream = await FakeUpstream.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        services?.Invoke(builder);
        register(builder.Services).AddGateway(o =>
        {
            o.Upstream = upstream.Address;
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapLangGraphAuthGateway();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return new GatewayHost(app, upstream, address);
    }

    /// <summary>An <see cref="Auth"/> whose identity is the <c>x-api-key</c> header, for tests that add their own <c>On</c> handlers.</summary>
    public static Auth ApiKeyAuth() => new Auth().Authenticate(r => r.Headers.TryGetValue("x-api-key", out var k) ? k : null);

    public static HttpRequestMessage As(string user, HttpMethod method, string path, string? json = null)
    {
        var message = new HttpRequestMessage(method, path);
        message.Headers.Add("x-api-key", user);
        if (json is not null)
        {
            message.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return message;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}

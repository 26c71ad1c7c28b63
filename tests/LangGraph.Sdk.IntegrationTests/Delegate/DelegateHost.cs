using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth.AspNetCore;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LangGraph.Sdk.IntegrationTests.Delegate;

/// <summary>
/// Starts the pieces of a delegated setup: the delegate endpoint on Kestrel at 127.0.0.1:0, and the JS server of
/// tests/server with a config whose auth path is the shipped <c>auth-delegate.mjs</c>, pointing at that endpoint.
/// </summary>
internal static class DelegateHost
{
    public const string ConfigFile = "langgraph.delegate.json";
    public const string AuthFile = "auth-delegate.mjs";
    public const string Pattern = "/langgraph-auth";

    /// <summary>The header the auth file sends the shared secret in (wire format version 1).</summary>
    public const string SecretHeader = "X-LangGraph-Auth-Delegate-Secret";

    /// <summary>The auth file exactly as the package ships it (linked into the test output).</summary>
    public static string AuthFilePath(string name = AuthFile) => Path.Combine(AppContext.BaseDirectory, "Delegate", name);

    /// <summary>Hosts <c>MapLangGraphAuthDelegate(Pattern)</c> for an <see cref="Auth.Auth"/>; returns the app and the endpoint's full URL.</summary>
    public static async Task<(WebApplication App, Uri Endpoint)> StartEndpointAsync(Auth.Auth auth, string secret, Action<WebApplication>? before = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLangGraphAuth(auth).AddDelegate(o => o.Secret = secret);
        var app = builder.Build();
        before?.Invoke(app);
        app.MapLangGraphAuthDelegate(Pattern);
        await app.StartAsync();
        return (app, new Uri(app.Urls.First().TrimEnd('/') + Pattern));
    }

    /// <summary>The JS server with tests/server's graphs and the delegate auth file calling <paramref name="endpoint"/>.</summary>
    public static Task<LangGraphDevServer> StartServerAsync(Uri endpoint, string secret, int timeoutMs)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(LangGraphDevServer.BundledFixtureDirectory, LangGraphDevServerOptions.AuthConfig)))!.AsObject();
        config["auth"] = new JsonObject { ["path"] = $"./{AuthFile}:auth" };
        var options = new LangGraphDevServerOptions { ConfigFile = ConfigFile, Log = Console.WriteLine };
        options.Files[ConfigFile] = config.ToJsonString();
        options.Files[AuthFile] = File.ReadAllText(AuthFilePath());
        options.EnvironmentVariables["LANGGRAPH_AUTH_DELEGATE_URL"] = endpoint.ToString();
        options.EnvironmentVariables["LANGGRAPH_AUTH_DELEGATE_SECRET"] = secret;
        options.EnvironmentVariables["LANGGRAPH_AUTH_DELEGATE_TIMEOUT_MS"] = timeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return LangGraphDevServer.StartAsync(options);
    }

    /// <summary>A secret for one test run.</summary>
    public static string NewSecret() => "s-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    /// <summary>A loopback port that was free a moment ago and has no listener now (an endpoint that is down).</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task StopAsync(WebApplication? app)
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

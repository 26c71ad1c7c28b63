using System;
using System.Threading.Tasks;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;

namespace LangGraph.Sdk.IntegrationTests.Delegate;

/// <summary>
/// Two more delegated servers for the failure cases: one calling an endpoint that runs <see cref="FaultyAuth"/> with a
/// short timeout (3 s), which a test can also make see a wrong secret; and one whose endpoint URL has nothing listening.
/// </summary>
public sealed class DelegateFaultsFixture : IAsyncLifetime
{
    public const int TimeoutMs = 3000;

    private WebApplication? _endpointApp;
    private volatile bool _sendWrongSecret;

    public FaultyAuth Handlers { get; } = new();

    public LangGraphDevServer Server { get; private set; } = null!;

    public LangGraphDevServer DownServer { get; private set; } = null!;

    /// <summary>Gets or sets whether the endpoint receives another secret than its own (the server's secret is wrong).</summary>
    public bool SendWrongSecret
    {
        get => _sendWrongSecret;
        set => _sendWrongSecret = value;
    }

    public async Task InitializeAsync()
    {
        var secret = DelegateHost.NewSecret();
        (_endpointApp, var endpoint) = await DelegateHost.StartEndpointAsync(Auth.Auth.FromHandlers(Handlers), secret, app => app.Use((context, next) =>
        {
            if (SendWrongSecret)
            {
                context.Request.Headers[DelegateHost.SecretHeader] = DelegateHost.NewSecret();
            }

            return next(context);
        }));
        var nothing = new Uri($"http://127.0.0.1:{DelegateHost.ClosedPort()}{DelegateHost.Pattern}");
        var faulty = DelegateHost.StartServerAsync(endpoint, secret, TimeoutMs);
        var down = DelegateHost.StartServerAsync(nothing, secret, TimeoutMs);
        try
        {
            Server = await faulty;
            DownServer = await down;

            // Warm the endpoint up (JIT, the auth file's connection) so that only the tests' faults are slow.
            using var http = new System.Net.Http.HttpClient();
            using var warmUp = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, new Uri(Server.Url, "/threads/search"))
            {
                Content = new System.Net.Http.StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
            };
            warmUp.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", LangGraphServerFixture.AliceToken);
            using var answer = await http.SendAsync(warmUp);
        }
        catch
        {
            await Task.WhenAll(faulty.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.DisposeAsync().AsTask() : Task.CompletedTask).Unwrap(),
                down.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.DisposeAsync().AsTask() : Task.CompletedTask).Unwrap());
            await DelegateHost.StopAsync(_endpointApp);
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await DownServer.DisposeAsync();
        await DelegateHost.StopAsync(_endpointApp);
    }
}

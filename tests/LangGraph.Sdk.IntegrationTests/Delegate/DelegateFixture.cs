using System;
using System.Threading.Tasks;
using LangGraph.Sdk.IntegrationTests.Gateway;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;

namespace LangGraph.Sdk.IntegrationTests.Delegate;

/// <summary>
/// The JS server of tests/server running the shipped <c>auth-delegate.mjs</c> as its custom auth, which hands every call
/// to the delegate endpoint hosted here (Kestrel, 127.0.0.1:0) running <see cref="TestUsersAuth"/>, the C# twin of
/// tests/server/src/auth.ts. The server itself answers clients and applies the filters, so errors are its plain text.
/// </summary>
public sealed class DelegateFixture : AuthServerFixture, IAsyncLifetime
{
    private WebApplication? _endpointApp;
    private LangGraphDevServer? _server;

    public override Uri Url => _server?.Url ?? throw new InvalidOperationException("The server is not started.");

    public override string Name => "JS server auth delegated to C#";

    /// <summary>Gets the delegate endpoint's full URL (what LANGGRAPH_AUTH_DELEGATE_URL says).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Gets the shared secret of this run.</summary>
    public string Secret { get; } = DelegateHost.NewSecret();

    /// <summary>The JS server answers an auth file's HTTPException with the bare message (text/plain).</summary>
    public override string ErrorBody(string detail) => detail;

    public async Task InitializeAsync()
    {
        (_endpointApp, Endpoint) = await DelegateHost.StartEndpointAsync(Auth.Auth.FromHandlers(new TestUsersAuth()), Secret);
        try
        {
            _server = await DelegateHost.StartServerAsync(Endpoint, Secret, timeoutMs: 10_000);
            Console.WriteLine($"The delegate endpoint listens at {Endpoint}; the JS server at {_server.Url} delegates to it.");
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }

        await DelegateHost.StopAsync(_endpointApp);
        _endpointApp = null;
    }
}

/// <summary>The delegate tests share one endpoint and one server.</summary>
[CollectionDefinition(Name)]
public sealed class DelegateCollection : ICollectionFixture<DelegateFixture>
{
    public const string Name = "LangGraph auth delegate";
}

using System;
using System.Threading.Tasks;
using LangGraph.Sdk.Testing;

namespace LangGraph.Sdk.IntegrationTests;

/// <summary>
/// One real LangGraph server (the bundled JS dev server with custom auth) for the whole test run. Tests isolate
/// themselves by creating their own threads and tagging them with a unique marker.
/// </summary>
public sealed class LangGraphServerFixture : AuthServerFixture, IAsyncLifetime
{
    public const string AliceToken = "alice-token";
    public const string BobToken = "bob-token";
    public const string AliceKey = "key-alice";
    public const string BobKey = "key-bob";

    private LangGraphDevServer? _server;

    public override Uri Url => _server?.Url ?? throw new InvalidOperationException("The server is not started.");

    public override string Name => "JS server auth";

    public LangGraphDevServer Server => _server ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        _server = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions
        {
            ConfigFile = LangGraphDevServerOptions.AuthConfig,
            Log = Console.WriteLine,
        });
        await WarmUpSchemaExtractionAsync();
    }

    /// <summary>
    /// The server extracts graph schemas in a worker whose first request after start can time out with a 500 on a loaded
    /// machine (tests/server/README.md); later requests are fast. One warm-up request here, retried, means no schema
    /// test depends on being the first.
    /// </summary>
    private async Task WarmUpSchemaExtractionAsync()
    {
        using var client = CreateClient();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.Assistants.GetSchemasAsync("046b5dc7-2108-582c-9c6c-31d556d138f0"); // the echo graph's system assistant
                return;
            }
            catch (LangGraphApiException e) when (e.StatusCode == 500 && attempt < 3)
            {
                Console.WriteLine($"Schema extraction warm-up: attempt {attempt} answered 500; retrying.");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The JS server's HTTPException bodies are the bare message (text/plain).</summary>
    public override string ErrorBody(string detail) => detail;

    /// <summary>A unique value to tag the threads of one test with.</summary>
    public static string NewMarker() => "t-" + Guid.NewGuid().ToString("N");
}

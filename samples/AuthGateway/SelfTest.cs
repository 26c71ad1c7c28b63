using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using LangGraph.Sdk;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AuthGateway;

/// <summary>
/// <c>--self-test</c>: the gateway on a free port in front of the bundled no-auth dev server (or
/// <c>LANGGRAPH_UPSTREAM_URL</c>), called with <see cref="LangGraphClient"/> and <see cref="RemoteGraph"/> as alice
/// (<c>x-api-key: key-alice</c>) and bob (<c>key-bob</c>). Exit code 0 when every check passed, 1 otherwise.
/// </summary>
internal static class SelfTest
{
    public static async Task<int> RunAsync()
    {
        var upstream = Environment.GetEnvironmentVariable("LANGGRAPH_UPSTREAM_URL");
        LangGraphDevServer? server = null;
        WebApplication? gateway = null;
        var checks = new Checks();
        try
        {
            if (string.IsNullOrWhiteSpace(upstream))
            {
                Console.WriteLine("LANGGRAPH_UPSTREAM_URL is not set: starting the bundled LangGraph dev server without auth (tests/server)...");
                server = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions
                {
                    ConfigFile = LangGraphDevServerOptions.NoAuthConfig,
                    Log = line => Console.WriteLine("  " + line),
                });
                upstream = server.Url.ToString();
            }

            gateway = GatewayApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], new Uri(upstream));
            await gateway.StartAsync();
            var url = new Uri(gateway.Urls.First());
            Console.WriteLine($"LangGraph server (no auth of its own): {upstream}");
            Console.WriteLine($"C# auth gateway in front of it:       {url}");
            Console.WriteLine();

            await RunChecksAsync(url, checks);
        }
        catch (Exception ex) when (ex is LangGraphException or InvalidOperationException or System.Net.Http.HttpRequestException)
        {
            checks.Fail("the self-test stopped", ex.Message);
        }
        finally
        {
            if (gateway is not null)
            {
                await gateway.StopAsync();
                await gateway.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{checks.Passed} passed, {checks.Failed} failed");
        return checks.Failed == 0 ? 0 : 1;
    }

    private static async Task RunChecksAsync(Uri url, Checks checks)
    {
        using var anonymous = Client(url, apiKey: null);
        using var stranger = Client(url, apiKey: "key-mallory");
        using var alice = Client(url, "key-alice");
        using var bob = Client(url, "key-bob");

        var info = await anonymous.Http.GetAsync("/info");
        checks.Check("anyone", "GET /info without a key", info.ValueKind == JsonValueKind.Object, "200: /info is exempt");

        var denial = await CatchAsync(() => anonymous.Threads.SearchAsync());
        checks.Check("anyone", "search threads without a key", denial is { StatusCode: 401, Detail: "Invalid API key" }, $"401 Invalid API key, got {Describe(denial)}");
        denial = await CatchAsync(() => stranger.Threads.CreateAsync());
        checks.Check("mallory", "create a thread with an unknown key", denial is { StatusCode: 401 }, $"401, got {Describe(denial)}");

        var marker = "self-test-" + Guid.NewGuid().ToString("N")[..8];
        var aliceThread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo", Metadata = { ["marker"] = marker } });
        var bobThread = await bob.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo", Metadata = { ["marker"] = marker } });
        checks.Check("alice", "create a thread", aliceThread.Metadata["owner"].GetString() == "alice", "metadata.owner stamped \"alice\" by the C# handler");
        checks.Check("bob", "create a thread", bobThread.Metadata["owner"].GetString() == "bob", "metadata.owner stamped \"bob\"");

        var search = new ThreadSearchOptions { Metadata = { ["marker"] = marker } };
        var aliceSees = await alice.Threads.SearchAsync(search);
        var bobCount = await bob.Threads.CountAsync(new ThreadCountOptions { Metadata = { ["marker"] = marker } });
        checks.Check("alice", "search threads", aliceSees.Select(t => t.ThreadId).SequenceEqual([aliceThread.ThreadId]), "only her own thread");
        checks.Check("bob", "count threads", bobCount == 1, $"1 (his own), got {bobCount}");

        denial = await CatchAsync(() => bob.Threads.GetAsync(aliceThread.ThreadId));
        checks.Check("bob", "read alice's thread", denial is { StatusCode: 404 }, $"404 as if it did not exist, got {Describe(denial)}");
        denial = await CatchAsync(() => bob.Runs.WaitAsync(aliceThread.ThreadId, "echo", new RunCreateOptions { Input = Messages("let me in") }));
        checks.Check("bob", "run on alice's thread", denial is { StatusCode: 404 }, $"404, got {Describe(denial)}");

        // The user reaches the graph: the echo graph copies config.configurable.langgraph_auth_user into its state.
        // Alice also tries to pass herself off as bob through the config; the gateway overwrites it.
        JsonElement final = default;
        await foreach (var part in alice.Runs.StreamAsync(aliceThread.ThreadId, "echo", new RunCreateOptions
        {
            Input = Messages("hello"),
            Config = new RunConfig { Configurable = { ["langgraph_auth_user_id"] = "bob" } },
        }))
        {
            if (part.TryGetValues(out var values))
            {
                final = values;
            }
        }

        var user = final.GetProperty("auth_user");
        checks.Check("alice", "stream a run on her thread", final.GetProperty("auth_user_id").GetString() == "alice"
            && user.GetProperty("github_token").GetString() == "gh-alice" && user.GetProperty("jira_token").GetString() == "jira-alice",
            $"the graph sees alice and her tokens (config impersonation ignored), got {user.GetRawText()}");

        using var remoteBob = new RemoteGraph("echo", new RemoteGraphOptions { Url = url, ApiKey = "key-bob", ReadApiKeyFromEnvironment = false });
        var output = await remoteBob.InvokeAsync(Messages("hi from bob"));
        checks.Check("bob", "RemoteGraph(\"echo\").InvokeAsync (stateless)", output.GetProperty("auth_user_id").GetString() == "bob"
            && output.GetProperty("auth_user").GetProperty("github_token").GetString() == "gh-bob", "the graph runs as bob with his GitHub token");
        var conversation = new RunConfig { Configurable = { ["thread_id"] = bobThread.ThreadId } };
        await remoteBob.InvokeAsync(Messages("first"), conversation);
        var state = await remoteBob.GetStateAsync(conversation);
        checks.Check("bob", "RemoteGraph on his own thread, then its state", state.Values.GetProperty("messages").GetArrayLength() == 2, "two messages on his thread");
        var remoteDenial = await CatchAsync(() => remoteBob.InvokeAsync(Messages("sneaky"), new RunConfig { Configurable = { ["thread_id"] = aliceThread.ThreadId } }));
        checks.Check("bob", "RemoteGraph on alice's thread", remoteDenial is { StatusCode: 404 }, $"404, got {Describe(remoteDenial)}");

        await alice.Store.PutItemAsync(["alice", "prefs"], "theme", new { color = "blue" });
        var item = await alice.Store.GetItemAsync(["alice", "prefs"], "theme");
        checks.Check("alice", "store put and get under [\"alice\", …]", item?.Value.GetProperty("color").GetString() == "blue", "her item");
        denial = await CatchAsync(() => bob.Store.GetItemAsync(["alice", "prefs"], "theme"));
        checks.Check("bob", "store get under [\"alice\", …]", denial is { StatusCode: 403 }, $"403, got {Describe(denial)}");
    }

    private static LangGraphClient Client(Uri url, string? apiKey) =>
        new(new LangGraphClientOptions { ApiUrl = url, ApiKey = apiKey, ReadApiKeyFromEnvironment = false });

    private static Dictionary<string, object?> Messages(string message) => new() { ["messages"] = new[] { message } };

    private static async Task<LangGraphApiException?> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (LangGraphApiException ex)
        {
            return ex;
        }
    }

    private static string Describe(LangGraphApiException? ex) => ex is null ? "success" : $"{ex.StatusCode} {ex.Detail}";

    private sealed class Checks
    {
        public int Passed { get; private set; }

        public int Failed { get; private set; }

        public void Check(string caller, string what, bool ok, string expected)
        {
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")}  {caller,-7} {what}");
            if (ok)
            {
                Passed++;
            }
            else
            {
                Console.WriteLine($"        expected: {expected}");
                Failed++;
            }
        }

        public void Fail(string what, string detail)
        {
            Console.WriteLine($"FAIL  {what}: {detail}");
            Failed++;
        }
    }
}

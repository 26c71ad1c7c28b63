using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Http;

/// <summary>The client half of custom auth: Bearer default headers, per-call headers, API keys and their environment fallback.</summary>
public abstract class AuthHeadersScenarios(AuthServerFixture server)
{
    [Fact]
    public async Task A_bad_token_is_a_401_carrying_the_servers_text_and_not_the_token()
    {
        const string token = "definitely-not-a-valid-token-7f3a";
        using var client = server.CreateClient(token);

        var act = () => client.Threads.SearchAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(401);
        ex.Detail.Should().Be("Invalid token");
        ex.ResponseBody.Should().Be(server.ErrorBody("Invalid token"));
        ex.Message.Should().Contain("401").And.Contain("Invalid token");
        ex.ToString().Should().NotContain(token);
    }

    [Fact]
    public async Task No_credentials_is_a_401_missing_credentials()
    {
        using var client = server.CreateClient(bearerToken: null);

        var act = () => client.Threads.CreateAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(401);
        ex.Detail.Should().Be("Missing credentials");
    }

    [Fact]
    public async Task Per_call_headers_win_over_default_headers()
    {
        using var client = server.CreateClient(LangGraphServerFixture.AliceToken);
        var options = new ThreadCreateOptions();
        options.Headers["authorization"] = $"Bearer {LangGraphServerFixture.BobToken}";

        var thread = await client.Threads.CreateAsync(options);

        thread.Metadata["owner"].GetString().Should().Be("bob");
        var aliceGet = () => client.Threads.GetAsync(thread.ThreadId);
        await aliceGet.Should().ThrowAsync<LangGraphNotFoundException>();
        var asBob = new ThreadGetOptions();
        asBob.Headers["Authorization"] = $"Bearer {LangGraphServerFixture.BobToken}";
        (await client.Threads.GetAsync(thread.ThreadId, asBob)).ThreadId.Should().Be(thread.ThreadId);
    }

    [Fact]
    public async Task An_explicit_api_key_is_sent_as_x_api_key()
    {
        using var client = server.CreateClient(bearerToken: null, o => o.ApiKey = LangGraphServerFixture.BobKey);

        var thread = await client.Threads.CreateAsync();

        thread.Metadata["owner"].GetString().Should().Be("bob");
    }

    [Fact]
    public async Task Create_mirrors_get_client_with_url_api_key_and_headers()
    {
        using var viaKey = LangGraphClient.Create(server.Url.ToString(), apiKey: LangGraphServerFixture.AliceKey);
        using var viaHeaders = LangGraphClient.Create(
            server.Url.ToString(),
            headers: new Dictionary<string, string> { ["Authorization"] = $"Bearer {LangGraphServerFixture.BobToken}" });

        (await viaKey.Threads.CreateAsync()).Metadata["owner"].GetString().Should().Be("alice");
        (await viaHeaders.Threads.CreateAsync()).Metadata["owner"].GetString().Should().Be("bob");
    }

    [Fact]
    public async Task The_api_key_comes_from_the_environment_in_precedence_order()
    {
        using var env = new EnvironmentScope("LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY");

        Environment.SetEnvironmentVariable("LANGCHAIN_API_KEY", LangGraphServerFixture.AliceKey);
        Environment.SetEnvironmentVariable("LANGSMITH_API_KEY", $"  \"{LangGraphServerFixture.BobKey}\"  ");
        (await OwnerOfNewThread()).Should().Be("bob", "LANGSMITH_API_KEY (trimmed, unquoted) comes before LANGCHAIN_API_KEY");

        Environment.SetEnvironmentVariable("LANGGRAPH_API_KEY", LangGraphServerFixture.AliceKey);
        (await OwnerOfNewThread()).Should().Be("alice", "LANGGRAPH_API_KEY comes first");

        Environment.SetEnvironmentVariable("LANGGRAPH_API_KEY", "   ");
        (await OwnerOfNewThread()).Should().Be("bob", "an empty value is skipped");

        (await OwnerOfNewThread(o => o.ApiKey = LangGraphServerFixture.AliceKey)).Should().Be("alice", "an explicit key wins over the environment");

        var noEnv = () => OwnerOfNewThread(o => o.ReadApiKeyFromEnvironment = false);
        (await noEnv.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(401);
    }

    private async Task<string?> OwnerOfNewThread(Action<LangGraphClientOptions>? configure = null)
    {
        var options = new LangGraphClientOptions { ApiUrl = server.Url };
        configure?.Invoke(options);
        using var client = new LangGraphClient(options);
        var thread = await client.Threads.CreateAsync();
        return thread.Metadata["owner"].GetString();
    }

    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _saved = [];

        public EnvironmentScope(params string[] names)
        {
            foreach (var name in names)
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, null);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class AuthHeadersTests(LangGraphServerFixture server) : AuthHeadersScenarios(server);

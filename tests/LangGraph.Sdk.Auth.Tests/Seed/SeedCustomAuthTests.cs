using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Seed;

/// <summary>The guide's handler, in C#: x-api-key validation, user tokens fetched, custom fields reaching the graph.</summary>
public sealed class SeedCustomAuthTests
{
    private sealed class Keys : IApiKeyValidator
    {
        public bool IsValid(string apiKey) => apiKey.StartsWith("lsv2_", StringComparison.Ordinal);
    }

    private sealed class TokenStore : IUserTokenStore
    {
        public ConcurrentQueue<string> Fetched { get; } = new();

        public async Task<UserTokens> FetchAsync(string apiKey, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            Fetched.Enqueue(apiKey);
            return new UserTokens($"gh-{apiKey}", $"jira-{apiKey}");
        }
    }

    /// <summary>A minimal container: the package has no DI dependency, any <see cref="IServiceProvider"/> works.</summary>
    private sealed class Services(Dictionary<Type, object> services) : IServiceProvider
    {
        public object? GetService(Type serviceType) => services.GetValueOrDefault(serviceType);
    }

    private static (Auth Auth, TokenStore Store) Build()
    {
        var store = new TokenStore();
        var services = new Services(new() { [typeof(MyAuth)] = new MyAuth(new Keys(), store) });
        return (Auth.FromHandlers<MyAuth>(services), store);
    }

    /// <summary>The guide's graph node: reads the token resolved during authentication from the run config.</summary>
    private static string MyNode(JsonObject config)
    {
        var userConfig = config["configurable"]?["langgraph_auth_user"];
        return userConfig?["github_token"]?.GetValue<string>() ?? "";
    }

    [Fact]
    public async Task A_request_without_an_api_key_is_rejected_with_401_Invalid_API_key()
    {
        var (auth, store) = Build();

        var outcome = await auth.HandleAsync(Requests.Make("POST", "/threads/search", "{}"));

        outcome.IsAllowed.Should().BeFalse();
        outcome.Denial!.StatusCode.Should().Be(401);
        outcome.Denial.Detail.Should().Be("Invalid API key");
        outcome.Denial.Message.Should().Be("401: Invalid API key");
        store.Fetched.Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-key")]
    public async Task An_invalid_api_key_is_rejected_before_any_token_is_fetched(string apiKey)
    {
        var (auth, store) = Build();

        var outcome = await auth.HandleAsync(Requests.Make("POST", "/threads/search", "{}", ("x-api-key", apiKey)));

        outcome.Denial!.StatusCode.Should().Be(401);
        outcome.Denial.Detail.Should().Be("Invalid API key");
        store.Fetched.Should().BeEmpty();
    }

    [Fact]
    public async Task A_valid_key_becomes_the_identity_and_the_fetched_tokens_custom_fields()
    {
        var (auth, store) = Build();

        var outcome = await auth.HandleAsync(Requests.Make("POST", "/threads/search", "{}", ("X-Api-Key", "lsv2_alice")));

        outcome.IsAllowed.Should().BeTrue();
        store.Fetched.Should().Equal("lsv2_alice");
        var user = outcome.User.Should().BeOfType<MinimalUserDict>().Subject;
        user.Identity.Should().Be("lsv2_alice");
        user.DisplayName.Should().Be("lsv2_alice");
        user.IsAuthenticated.Should().BeTrue();
        user["github_token"]!.GetValue<string>().Should().Be("gh-lsv2_alice");
        user["jira_token"]!.GetValue<string>().Should().Be("jira-lsv2_alice");
    }

    [Fact]
    public async Task The_graph_reads_the_token_from_config_configurable_langgraph_auth_user()
    {
        var (auth, _) = Build();
        var outcome = await auth.HandleAsync(Requests.Make("POST", "/runs/wait", """{"assistant_id":"agent"}""", ("x-api-key", "lsv2_bob")));
        var config = new JsonObject { ["configurable"] = new JsonObject { ["thread_id"] = "t1" } };

        outcome.ApplyToConfigurable(config["configurable"]!.AsObject());

        MyNode(config).Should().Be("gh-lsv2_bob");
        config["configurable"]!.ToJsonString().Should().Be(
            """{"thread_id":"t1","langgraph_auth_user":{"identity":"lsv2_bob","display_name":"lsv2_bob","is_authenticated":true,"permissions":[],"github_token":"gh-lsv2_bob","jira_token":"jira-lsv2_bob"},"langgraph_auth_user_id":"lsv2_bob","langgraph_auth_permissions":[]}""");
    }

    [Fact]
    public void The_handlers_class_must_be_registered_in_the_container()
    {
        FluentActions.Invoking(() => Auth.FromHandlers<MyAuth>(new Services([]))).Should().Throw<InvalidOperationException>()
            .WithMessage("No service of type MyAuth is registered; register it (for example services.AddSingleton<MyAuth>()) before building the Auth.");
    }

    [Fact]
    public async Task The_guides_flow_holds_under_parallel_requests()
    {
        var (auth, store) = Build();

        var outcomes = await Task.WhenAll(Enumerable(50, i => auth.HandleAsync(Requests.Make("GET", "/ok", null, ("x-api-key", $"lsv2_{i}"))).AsTask()));

        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i].User!["github_token"]!.GetValue<string>().Should().Be($"gh-lsv2_{i}");
        }

        store.Fetched.Should().HaveCount(50);
    }

    private static IEnumerable<T> Enumerable<T>(int count, Func<int, T> make)
    {
        for (var i = 0; i < count; i++)
        {
            yield return make(i);
        }
    }
}

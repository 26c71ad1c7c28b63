using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>Filters, by the server's <c>isAuthMatching</c> rules: pushed into searches, checked on reads, read first for mutations.</summary>
public sealed class FilterTests
{
    private const string AliceThread = """{"thread_id":"t1","metadata":{"owner":"alice"}}""";
    private const string BobThread = """{"thread_id":"t1","metadata":{"owner":"bob"}}""";

    [Fact]
    public async Task A_search_pushes_the_filter_into_metadata_ANDed_with_the_callers()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, "[]");

        await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/search", """{"metadata": {"topic": "x"}, "limit": 5, "offset": 10}"""));

        var body = JsonNode.Parse(host.Upstream.Single("POST").Body)!;
        body["metadata"]!.ToJsonString().Should().Be("""{"topic":"x","owner":"alice"}""");
        body["limit"]!.GetValue<int>().Should().Be(5);
        body["offset"]!.GetValue<int>().Should().Be(10);
    }

    [Fact]
    public async Task A_count_pushes_the_filter_too()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, "3");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/count", "{}"));

        (await response.Content.ReadAsStringAsync()).Should().Be("3");
        JsonNode.Parse(host.Upstream.Single("POST").Body)!["metadata"]!.ToJsonString().Should().Be("""{"owner":"alice"}""");
    }

    [Theory]
    [InlineData("/threads/search", "[]")]
    [InlineData("/threads/count", "0")]
    [InlineData("/assistants/search", "[]")]
    [InlineData("/assistants/count", "0")]
    public async Task A_conflicting_caller_filter_answers_an_empty_page_or_0_without_asking_upstream(string path, string expected)
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, path, """{"metadata": {"owner": "bob"}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(expected);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_results_are_checked_again_on_the_way_back()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, $"[{AliceThread}, {BobThread}, {{\"thread_id\":\"t3\"}}]");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/search", "{}"));

        var threads = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        threads.Select(t => t!["metadata"]!["owner"]!.GetValue<string>()).Should().Equal("alice");
        response.Content.Headers.ContentLength.Should().Be((await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_select_without_metadata_still_gets_checked_and_metadata_is_left_out_of_the_answer()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, $"[{AliceThread}, {BobThread}]");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/search", """{"select": ["thread_id"]}"""));

        JsonNode.Parse(host.Upstream.Single("POST").Body)!["select"]!.ToJsonString().Should().Be("""["thread_id","metadata"]""");
        (await response.Content.ReadAsStringAsync()).Should().Be("""[{"thread_id":"t1"}]""");
    }

    [Fact]
    public async Task Eq_is_pushed_as_a_value_and_contains_as_an_array()
    {
        var auth = GatewayHost.ApiKeyAuth()
            .On<ThreadsSearch>("threads", "search", (ctx, _) => new AuthFilter
            {
                ["org"] = FilterCondition.Eq("acme"),
                ["members"] = FilterCondition.Contains(ctx.User.Identity),
                ["tags"] = FilterCondition.Contains(["a", "b"]),
            });
        await using var host = await GatewayHost.StartAsync(s => s.AddLangGraphAuth(auth));
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, "[]");

        await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/search", """{"metadata": {"tags": ["c"]}}"""));

        JsonNode.Parse(host.Upstream.Single("POST").Body)!["metadata"]!.ToJsonString()
            .Should().Be("""{"tags":["c","a","b"],"org":"acme","members":["alice"]}""");
    }

    [Fact]
    public async Task A_read_of_another_users_thread_is_the_servers_own_404()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, BobThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/threads/t1"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"detail":"Thread with ID t1 not found"}""");
        host.Upstream.Requests.Should().ContainSingle("the read checks the answer instead of an extra upstream call");
    }

    [Fact]
    public async Task A_read_of_ones_own_thread_passes_unchanged()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, AliceThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/threads/t1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(AliceThread);
    }

    [Theory]
    [InlineData("PATCH", "/threads/t1", """{"metadata": {}}""")]
    [InlineData("DELETE", "/threads/t1", null)]
    [InlineData("POST", "/threads/t1/state", """{"values": {}}""")]
    [InlineData("GET", "/threads/t1/state", null)]
    [InlineData("POST", "/threads/t1/history", "{}")]
    [InlineData("GET", "/threads/t1/runs", null)]
    [InlineData("POST", "/threads/t1/runs", """{"assistant_id": "agent"}""")]
    [InlineData("GET", "/threads/t1/runs/r1", null)]
    [InlineData("POST", "/threads/t1/runs/r1/cancel", null)]
    [InlineData("GET", "/threads/t1/runs/r1/join", null)]
    [InlineData("GET", "/threads/t1/runs/r1/stream", null)]
    [InlineData("DELETE", "/threads/t1/runs/r1", null)]
    public async Task A_mutation_or_action_on_another_users_thread_reads_it_first_and_is_404(string method, string path, string? json)
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, BobThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", new HttpMethod(method), path, json));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be(method == "PATCH" && path == "/threads/t1"
            ? """{"detail":"Thread not found"}"""
            : """{"detail":"Thread with ID t1 not found"}""");
        host.Upstream.Requests.Where(r => !r.Target.StartsWith("/assistants/", System.StringComparison.Ordinal))
            .Select(r => (r.Method, r.Target)).Should().Equal([("GET", "/threads/t1")]);
    }

    [Fact]
    public async Task A_mutation_on_ones_own_thread_is_forwarded_after_the_read()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, AliceThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Delete, "/threads/t1"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Requests.Select(r => (r.Method, r.Target)).Should().Equal([("GET", "/threads/t1"), ("DELETE", "/threads/t1")]);
    }

    [Theory]
    [InlineData("PATCH", "/assistants/a1")]
    [InlineData("DELETE", "/assistants/a1")]
    [InlineData("GET", "/assistants/a1/graph")]
    [InlineData("GET", "/assistants/a1")]
    public async Task Assistant_routes_of_another_user_are_404(string method, string path)
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, """{"assistant_id":"a1","metadata":{"owner":"bob"}}""");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", new HttpMethod(method), path, method == "PATCH" ? "{}" : null));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"detail":"Assistant not found"}""");
        host.Upstream.Requests.Should().OnlyContain(r => r.Method == "GET");
    }

    [Fact]
    public async Task A_create_naming_another_users_thread_id_is_409()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, BobThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads", """{"thread_id": "t1", "if_exists": "do_nothing"}"""));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        host.Upstream.Requests.Should().OnlyContain(r => r.Method == "GET");
    }

    [Fact]
    public async Task A_run_stream_without_a_thread_cannot_be_checked_and_is_refused()
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/runs/r1/stream"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Store_search_results_are_checked_against_value_namespace_and_key()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200,
            """{"items":[{"namespace":["alice","n"],"key":"a","value":{}},{"namespace":["bob","n"],"key":"b","value":{}}]}""");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/store/items/search", """{"namespace_prefix": ["n"]}"""));

        (await response.Content.ReadAsStringAsync()).Should().Be("""{"items":[{"namespace":["alice","n"],"key":"a","value":{}}]}""");
        JsonNode.Parse(host.Upstream.Single("POST").Body)!["namespace_prefix"]!.ToJsonString().Should().Be("""["alice","n"]""");
    }

    [Fact]
    public async Task A_graph_id_reaches_the_handler_as_the_assistants_UUID_looked_up_once_upstream()
    {
        const string Uuid = "fe096781-5601-53d2-b2f6-0d3403f7e9ca";
        string? seen = null;
        var auth = GatewayHost.ApiKeyAuth()
            .On<RunsCreate>("threads", "create_run", (_, value) =>
            {
                seen = value.AssistantId;
                return null;
            });
        await using var host = await GatewayHost.StartAsync(s => s.AddLangGraphAuth(auth));
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, $$"""{"assistant_id":"{{Uuid}}","graph_id":"agent"}""");

        for (var i = 0; i < 2; i++)
        {
            (await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/runs/wait", """{"assistant_id": "agent"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        seen.Should().Be(Uuid);
        host.Upstream.Requests.Count(r => r.Target == "/assistants/agent").Should().Be(1, "the graph id's UUID is cached");
        JsonNode.Parse(host.Upstream.Requests.First(r => r.Method == "POST").Body)!["assistant_id"]!.GetValue<string>().Should().Be("agent", "the body keeps what the client sent");
    }

    [Fact]
    public async Task A_copy_of_another_users_thread_is_409_from_the_engines_read_of_the_source()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, BobThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/t1/copy"));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"detail":"Thread not found"}""");
        host.Upstream.Requests.Select(r => (r.Method, r.Target)).Should().Equal([("GET", "/threads/t1")]);
    }

    [Fact]
    public async Task A_copy_of_ones_own_thread_is_forwarded()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, AliceThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/t1/copy"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Requests.Select(r => (r.Method, r.Target)).Should().Equal([("GET", "/threads/t1"), ("POST", "/threads/t1/copy")]);
    }

    [Fact]
    public async Task A_state_update_checks_the_update_and_the_read_filter_against_the_stored_thread()
    {
        var auth = GatewayHost.ApiKeyAuth()
            .On<ThreadsUpdate>("threads", "update", (ctx, _) => new AuthFilter { ["owner"] = ctx.User.Identity })
            .On<ThreadsRead>("threads", "read", (_, _) => new AuthFilter { ["tier"] = "gold" });
        await using var host = await GatewayHost.StartAsync(s => s.AddLangGraphAuth(auth));
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, AliceThread);

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/t1/state", """{"values": {}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "the stored thread is alice's but not gold, and the server's read after the update gates");
        host.Upstream.Requests.Should().OnlyContain(r => r.Method == "GET");
    }
}

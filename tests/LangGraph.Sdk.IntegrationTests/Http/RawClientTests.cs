using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Http;

/// <summary>client.Http against the real server: routes the SDK wraps and does not, with the same auth headers and errors.</summary>
public abstract class RawClientScenarios(AuthServerFixture server)
{
    [Fact]
    public async Task Get_reads_a_route_the_sdk_does_not_wrap()
    {
        using var alice = server.CreateClient();

        var info = await alice.Http.GetAsync("/info");
        var ok = await alice.Http.GetAsync("/ok");

        info.GetProperty("version").GetString().Should().Be("1.5.1");
        ok.GetProperty("ok").GetBoolean().Should().BeTrue("/ok needs credentials, so the default Authorization header was sent");
    }

    [Fact]
    public async Task Raw_calls_carry_the_default_credentials_and_fail_without_them()
    {
        using var anonymous = server.CreateClient(bearerToken: null);

        var act = () => anonymous.Http.GetAsync("/ok");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(401);
        ex.Detail.Should().Be("Missing credentials");
    }

    [Fact]
    public async Task Post_patch_and_delete_work_on_threads_with_per_call_headers()
    {
        using var anonymous = server.CreateClient(bearerToken: null);
        var asAlice = new RawRequestOptions { Headers = { ["Authorization"] = $"Bearer {LangGraphServerFixture.AliceToken}" } };

        var thread = await anonymous.Http.PostAsync("/threads", new Dictionary<string, object?> { ["metadata"] = new Dictionary<string, object?> { ["via"] = "raw" } }, asAlice);
        var id = thread.GetProperty("thread_id").GetString()!;
        var patched = await anonymous.Http.PatchAsync($"/threads/{id}", new Dictionary<string, object?> { ["metadata"] = new Dictionary<string, object?> { ["extra"] = 1 } }, asAlice);
        var deleted = await anonymous.Http.DeleteAsync($"/threads/{id}", options: asAlice);

        thread.GetProperty("metadata").GetProperty("owner").GetString().Should().Be("alice");
        patched.GetProperty("metadata").GetProperty("extra").GetInt32().Should().Be(1);
        patched.GetProperty("metadata").GetProperty("via").GetString().Should().Be("raw");
        deleted.ValueKind.Should().Be(JsonValueKind.Null, "204 has no body");
        var get = () => anonymous.Http.GetAsync($"/threads/{id}", asAlice);
        (await get.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be($"Thread with ID {id} not found");
    }

    [Fact]
    public async Task Put_and_delete_with_a_json_body_reach_the_store()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();

        var put = await alice.Http.PutAsync("/store/items", new Dictionary<string, object?>
        {
            ["namespace"] = new[] { "alice", marker },
            ["key"] = "k",
            ["value"] = new Dictionary<string, object?> { ["n"] = 1 },
        });
        var got = await alice.Http.GetAsync("/store/items", new RawRequestOptions { QueryParams = { ["namespace"] = $"alice.{marker}", ["key"] = "k" } });
        await alice.Http.DeleteAsync("/store/items", new Dictionary<string, object?> { ["namespace"] = new[] { "alice", marker }, ["key"] = "k" });

        put.ValueKind.Should().Be(JsonValueKind.Null);
        got.GetProperty("value").GetProperty("n").GetInt32().Should().Be(1);
        (await alice.Store.GetItemAsync(["alice", marker], "k")).Should().BeNull();
    }

    [Fact]
    public async Task The_servers_own_validation_errors_come_back_through_raw_access()
    {
        using var alice = server.CreateClient();

        var act = () => alice.Http.PutAsync("/store/items", new Dictionary<string, object?>
        {
            ["namespace"] = new[] { "alice.x" },
            ["key"] = "k",
            ["value"] = new Dictionary<string, object?>(),
        });

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(422);
        ex.Detail.Should().Be("Namespace labels cannot be empty or contain periods. Received: alice.x");
    }

    [Fact]
    public async Task Stream_runs_a_stateless_run_over_sse()
    {
        using var alice = server.CreateClient();
        var events = new List<StreamPart>();

        await foreach (var part in alice.Http.StreamAsync("/runs/stream", HttpMethod.Post, new Dictionary<string, object?>
        {
            ["assistant_id"] = "echo",
            ["input"] = new Dictionary<string, object?> { ["messages"] = new[] { "raw" } },
        }))
        {
            events.Add(part);
        }

        events.Should().HaveCountGreaterThanOrEqualTo(2);
        events[0].Event.Should().Be("metadata");
        events[^1].Event.Should().Be("values");
        events[^1].Data.GetProperty("messages")[1].GetString().Should().Be("echo: raw");
        events[^1].Data.GetProperty("auth_user_id").GetString().Should().Be("alice");
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class RawClientTests(LangGraphServerFixture server) : RawClientScenarios(server);

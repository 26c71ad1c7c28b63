using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>Every run-creating route gets the user in <c>config.configurable</c>, overwriting the client's.</summary>
public sealed class RunConfigTests
{
    private const string Impersonating = """
        {"assistant_id": "agent", "input": {}, "config": {"configurable": {"langgraph_auth_user_id": "mallory",
         "langgraph_auth_user": {"identity": "mallory"}, "langgraph_auth_permissions": ["admin"], "keep": 1}}}
        """;

    [Theory]
    [InlineData("/threads/t1/runs")]
    [InlineData("/threads/t1/runs/stream")]
    [InlineData("/threads/t1/runs/wait")]
    [InlineData("/runs")]
    [InlineData("/runs/stream")]
    [InlineData("/runs/wait")]
    [InlineData("/runs/crons")]
    [InlineData("/threads/t1/runs/crons")]
    public async Task The_user_overwrites_the_clients_configurable(string path)
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, """{"thread_id":"t1","metadata":{"owner":"alice"}}""");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, path, Impersonating));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var configurable = JsonNode.Parse(host.Upstream.Single("POST").Body)!["config"]!["configurable"]!;
        AssertAlice(configurable);
        configurable["keep"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Every_batch_item_gets_the_user()
    {
        await using var host = await GatewayHost.StartAsync();
        var batch = $"[{Impersonating}, {{\"assistant_id\": \"agent\"}}]";

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/runs/batch", batch));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = JsonNode.Parse(host.Upstream.Single("POST").Body)!.AsArray();
        items.Should().HaveCount(2);
        foreach (var item in items)
        {
            AssertAlice(item!["config"]!["configurable"]!);
            item["metadata"]!["owner"]!.GetValue<string>().Should().Be("alice");
        }
    }

    [Fact]
    public async Task A_protocol_run_start_gets_the_user_in_its_params()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, """{"metadata":{"owner":"alice"}}""");
        var command = $"{{\"method\": \"run.start\", \"params\": {Impersonating}}}";

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads/t1/commands", command));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        AssertAlice(JsonNode.Parse(host.Upstream.Single("POST").Body)!["params"]!["config"]!["configurable"]!);
    }

    private static void AssertAlice(JsonNode configurable)
    {
        configurable["langgraph_auth_user_id"]!.GetValue<string>().Should().Be("alice");
        configurable["langgraph_auth_user"]!["identity"]!.GetValue<string>().Should().Be("alice");
        configurable["langgraph_auth_permissions"]!.ToJsonString().Should().Be("""["threads:write"]""");
    }
}

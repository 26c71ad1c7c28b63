using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>Denials answer as the server does; no header bypasses auth; upstream headers go only upstream.</summary>
public sealed class DenialAndHeaderTests
{
    [Fact]
    public async Task An_authentication_failure_answers_the_handlers_status_headers_and_detail()
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.PostAsync("/threads", null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("ApiKey");
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"detail":"Invalid API key"}""");
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_handler_that_denies_answers_403()
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As(TestHandlers.Forbidden, HttpMethod.Post, "/threads", "{}"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"detail":"Forbidden"}""");
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_Studio_header_does_not_bypass_authentication_by_default_and_is_not_forwarded()
    {
        await using var host = await GatewayHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/threads");
        request.Headers.Add("x-auth-scheme", "langsmith");

        (await host.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var authenticated = GatewayHost.As("alice", HttpMethod.Post, "/threads", "{}");
        authenticated.Headers.Add("x-auth-scheme", "langsmith");
        (await host.Client.SendAsync(authenticated)).StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Single("POST").Headers.Keys.Should().NotContain("x-auth-scheme");
    }

    [Fact]
    public async Task AllowStudioUsers_lets_the_Studio_header_run_as_the_Studio_user()
    {
        await using var host = await GatewayHost.StartAsync(o => o.AllowStudioUsers = true);
        var request = new HttpRequestMessage(HttpMethod.Post, "/runs/wait")
        {
            Content = new StringContent("""{"assistant_id": "agent"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-auth-scheme", "langsmith");

        (await host.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        host.Upstream.Single("POST").Body.Should().Contain("\"langgraph_auth_user_id\":\"langgraph-studio-user\"");
    }

    [Fact]
    public async Task UpstreamHeaders_go_only_upstream_and_replace_the_clients()
    {
        await using var host = await GatewayHost.StartAsync(o => o.UpstreamHeaders["x-upstream-key"] = "upstream-secret");
        var request = GatewayHost.As("alice", HttpMethod.Get, "/ok");
        request.Headers.Add("x-upstream-key", "client-guess");

        var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Single("GET").Headers["x-upstream-key"].Should().Be("upstream-secret");
        response.Headers.Concat(response.Content.Headers).SelectMany(h => h.Value).Should().NotContain(v => v.Contains("upstream-secret"));
    }

    [Fact]
    public async Task UpstreamHeaders_go_with_the_gateways_own_reads()
    {
        await using var host = await GatewayHost.StartAsync(o => o.UpstreamHeaders["x-upstream-key"] = "upstream-secret");
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, """{"metadata":{"owner":"alice"}}""");

        await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Delete, "/threads/t1"));

        host.Upstream.Requests.Should().HaveCount(2).And.OnlyContain(r => r.Headers["x-upstream-key"] == "upstream-secret");
    }

    [Fact]
    public async Task Client_credentials_are_forwarded_unless_StripClientCredentials()
    {
        await using (var keeping = await GatewayHost.StartAsync())
        {
            await keeping.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/ok"));
            keeping.Upstream.Single("GET").Headers["x-api-key"].Should().Be("alice");
        }

        await using var stripping = await GatewayHost.StartAsync(o => o.StripClientCredentials = true);
        var request = GatewayHost.As("alice", HttpMethod.Get, "/ok");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "token");

        (await stripping.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        stripping.Upstream.Single("GET").Headers.Keys.Should().NotContain(["x-api-key", "Authorization"]);
    }
}

using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>Exempt and unknown routes, canonical paths, method override: issue 12 item 1, the routing points.</summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task Info_is_exempt_and_passes_without_credentials()
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.GetAsync("/info");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Single("GET").Target.Should().Be("/info");
    }

    [Fact]
    public async Task Unknown_route_is_404_and_never_forwarded()
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/admin/secrets"));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"detail":"Not Found"}""");
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("//threads/search", 404)]
    [InlineData("/threads/search/", 404)]
    [InlineData("/THREADS/search", 404)]
    [InlineData("/threads%2Fsearch", 400)]
    [InlineData("/threads%2fsearch", 400)]
    [InlineData("/threads\\search", 400)]
    [InlineData("/threads/%zz/state", 400)]
    [InlineData("/threads/search/.", 404)]
    public async Task Ambiguous_paths_are_refused_and_never_forwarded(string target, int status)
    {
        await using var host = await GatewayHost.StartAsync();

        var code = await RawHttp.SendAsync(host.Address, "POST", target, "Content-Length: 0\r\n");

        code.Should().Be(status);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_lower_case_method_is_refused_with_400()
    {
        await using var host = await GatewayHost.StartAsync();

        var code = await RawHttp.SendAsync(host.Address, "post", "/threads/search", "Content-Length: 0\r\n");

        code.Should().Be(400);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("/%74hreads/search")]
    [InlineData("/threads/./search")]
    [InlineData("/threads/x/../search")]
    [InlineData("/threads/%2e/search")]
    [InlineData("/threads/%2E%2E/threads/search")]
    [InlineData("/threads/search#fragment")]
    public async Task Encoded_letters_and_dot_segments_are_normalised_and_the_classified_path_is_forwarded(string target)
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, "[]");

        var code = await RawHttp.SendAsync(host.Address, "POST", target, "Content-Length: 0\r\n");

        code.Should().Be(200);
        host.Upstream.Single("POST").Target.Should().Be("/threads/search");
        host.Upstream.Single("POST").Body.Should().Contain("\"owner\":\"alice\"", "the search was classified as threads:search and filtered");
    }

    [Fact]
    public async Task Ids_are_forwarded_re_escaped_exactly_as_classified()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, """{"metadata":{"owner":"alice"}}""");

        (await RawHttp.SendAsync(host.Address, "GET", "/threads/a%20b")).Should().Be(200);
        (await RawHttp.SendAsync(host.Address, "GET", "/threads/%23")).Should().Be(200);
        (await RawHttp.SendAsync(host.Address, "GET", $"http://{host.Address.Authority}/threads/t%31")).Should().Be(200);

        host.Upstream.Requests.Select(r => r.Target).Should().Equal("/threads/a%20b", "/threads/%23", "/threads/t1");
    }

    [Fact]
    public async Task Method_override_headers_are_stripped()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, """{"metadata":{"owner":"alice"}}""");
        var request = GatewayHost.As("alice", HttpMethod.Get, "/threads/t1");
        request.Headers.Add("X-HTTP-Method-Override", "DELETE");
        request.Headers.Add("X-HTTP-Method", "DELETE");
        request.Headers.Add("X-Method-Override", "DELETE");

        var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var forwarded = host.Upstream.Single("GET");
        forwarded.Headers.Keys.Should().NotContain(k => k.Contains("Override", System.StringComparison.OrdinalIgnoreCase) || k.Equals("X-HTTP-Method", System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_duplicate_query_parameter_is_refused_with_400()
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/store/items?namespace=alice&namespace=bob&key=k"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Authenticated_only_routes_authenticate_then_forward()
    {
        await using var host = await GatewayHost.StartAsync();

        (await host.Client.GetAsync("/ok")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/ok"))).StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Requests.Select(r => r.Target).Should().Equal("/ok");
    }

    [Fact]
    public async Task A_WebSocket_upgrade_is_refused_because_its_frames_could_not_be_authorized()
    {
        await using var host = await GatewayHost.StartAsync();

        var code = await RawHttp.SendAsync(host.Address, "GET", "/threads/t1/stream/events",
            "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");

        code.Should().Be(400);
        host.Upstream.Requests.Should().BeEmpty();
    }
}

using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>Bodies: parsed once, strictly; what the handler changed is what is forwarded.</summary>
public sealed class BodyTests
{
    [Theory]
    [InlineData("""{"metadata": {"owner": "bob"}, "metadata": {}}""")]
    [InlineData("""{"metadata": {"owner": "alice", "owner": "bob"}}""")]
    [InlineData("""{"metadata": {"owner": "alice", "\u006fwner": "bob"}}""")]
    public async Task Duplicate_keys_at_any_depth_are_refused_with_400(string json)
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads", json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Duplicate key");
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task A_non_JSON_content_type_is_refused_with_415(string contentType)
    {
        await using var host = await GatewayHost.StartAsync();
        var request = GatewayHost.As("alice", HttpMethod.Post, "/threads");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"metadata": {}}"""));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"metadata": """)]
    [InlineData("""{"metadata": {}} // comment""")]
    [InlineData("""{"metadata": {},}""")]
    public async Task A_broken_body_is_refused_with_400(string json)
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads", json));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var host = await GatewayHost.StartAsync(o => o.MaxRequestBodySize = 1024);
        var json = "{\"metadata\": {\"blob\": \"" + new string('x', 2000) + "\"}}";

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads", json));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413()
    {
        await using var host = await GatewayHost.StartAsync(o => o.MaxRequestBodySize = 1024);
        var request = GatewayHost.As("alice", HttpMethod.Post, "/threads");
        request.Content = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes("{\"metadata\": {\"blob\": \"" + new string('x', 2000) + "\"}}")));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        host.Upstream.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_handlers_changes_are_written_back_and_re_serialised_with_the_right_length()
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Post, "/threads", """{"metadata": {"owner": "mallory", "topic": "x"}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var forwarded = host.Upstream.Single("POST");
        var body = JsonNode.Parse(forwarded.Body)!;
        body["metadata"]!["owner"]!.GetValue<string>().Should().Be("alice");
        body["metadata"]!["topic"]!.GetValue<string>().Should().Be("x");
        forwarded.Headers["Content-Length"].Should().Be(Encoding.UTF8.GetByteCount(forwarded.Body).ToString(System.Globalization.CultureInfo.InvariantCulture));
        forwarded.Headers["Content-Type"].Should().StartWith("application/json");
    }

    [Fact]
    public async Task A_create_without_a_body_gets_the_stamped_metadata()
    {
        await using var host = await GatewayHost.StartAsync();
        var request = GatewayHost.As("alice", HttpMethod.Post, "/threads");

        (await host.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

        JsonNode.Parse(host.Upstream.Single("POST").Body)!["metadata"]!["owner"]!.GetValue<string>().Should().Be("alice");
    }

    [Fact]
    public async Task A_rewritten_store_namespace_is_what_is_forwarded()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => ctx.Request.Method == "GET" ? FakeUpstream.Json(ctx, 404, """{"detail":"Item not found"}""") : FakeUpstream.Json(ctx, 200, "{}");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Put, "/store/items", """{"namespace": ["notes"], "key": "k", "value": {"a": 1}}"""));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var put = JsonNode.Parse(host.Upstream.Single("PUT").Body)!;
        put["namespace"]!.ToJsonString().Should().Be("""["alice","notes"]""");
        put["value"]!["a"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_rewritten_store_namespace_in_the_query_is_what_is_forwarded()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = ctx => FakeUpstream.Json(ctx, 200, """{"namespace":["alice","notes"],"key":"k","value":{}}""");

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Get, "/store/items?namespace=notes&key=k"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Upstream.Single("GET").Target.Should().Be("/store/items?namespace=alice.notes&key=k");
    }

    [Theory]
    [InlineData("""["alice.x"]""", "alice.x")]
    [InlineData("""["alice", ""]""", "")]
    public async Task A_store_namespace_label_that_is_empty_or_has_a_period_is_the_servers_422(string ns, string label)
    {
        await using var host = await GatewayHost.StartAsync();

        var response = await host.Client.SendAsync(GatewayHost.As("alice", HttpMethod.Put, "/store/items", $$$"""{"namespace": {{{ns}}}, "key": "k", "value": {}}"""));

        response.StatusCode.Should().Be((HttpStatusCode)422);
        (await response.Content.ReadAsStringAsync()).Should().Be($$"""{"detail":"Namespace labels cannot be empty or contain periods. Received: {{label}}"}""");
        host.Upstream.Requests.Should().BeEmpty();
    }
}

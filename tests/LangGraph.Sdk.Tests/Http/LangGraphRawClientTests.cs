using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Http;

/// <summary>client.Http (Python's client.http): any route through the same core, headers, retries and errors.</summary>
public class LangGraphRawClientTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts)
    {
        var list = new List<StreamPart>();
        await foreach (var part in parts)
        {
            list.Add(part);
        }

        return list;
    }

    [Fact]
    public async Task GetAsync_sends_GET_with_default_and_per_call_headers_and_query_parameters()
    {
        RespondToAll(body: """{"ok":true}""");
        var client = CreateClient(o =>
        {
            o.ApiKey = "k-1";
            o.DefaultHeaders["Authorization"] = "Bearer alice-token";
        });

        var result = await client.Http.GetAsync("/my/route", new RawRequestOptions
        {
            Headers = { ["X-Trace"] = "t-1", ["Authorization"] = "Bearer bob-token" },
            QueryParams = { ["flag"] = true, ["tags"] = new[] { "a", "b" } },
        });

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/my/route");
        request.RawQuery.Should().Be("?flag=true&tags=a&tags=b");
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().BeNull();
        Header(request, "X-Trace").Should().Be("t-1");
        Header(request, "Authorization").Should().Be("Bearer bob-token", "per-call headers win over default headers");
        Header(request, "x-api-key").Should().Be("k-1");
        Header(request, "User-Agent").Should().StartWith("langgraph-sdk-dotnet/");
        result.GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task GetAsync_keeps_the_api_url_path_as_a_prefix()
    {
        RespondToAll(body: "1");
        using var client = TestClients.Create(Url + "/prefix/", environment: Env.Empty);

        (await client.Http.GetAsync("/ok")).GetInt32().Should().Be(1);

        SingleRequest().Path.Should().Be("/prefix/ok");
    }

    [Theory]
    [InlineData(204, null)]
    [InlineData(202, null)]
    [InlineData(200, "")]
    [InlineData(200, "null")]
    public async Task An_empty_body_or_json_null_reads_as_a_json_null(int status, string? body)
    {
        RespondToAll(status: status, body: body);
        var client = CreateClient();

        var result = await client.Http.GetAsync("/empty");

        result.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task The_typed_overload_reads_through_the_callers_type_info()
    {
        RespondToAll(body: """{"DisplayName":"Alice","RetryCount":2}""");
        var client = CreateClient();

        KnownPayload? payload = await client.Http.GetAsync("/payload", TestPayloadContext.Default.KnownPayload);

        payload.Should().Be(new KnownPayload("Alice", 2));
    }

    [Fact]
    public async Task The_typed_overload_returns_default_for_an_empty_body()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        (await client.Http.PostAsync("/payload", null, TestPayloadContext.Default.KnownPayload)).Should().BeNull();
    }

    [Fact]
    public async Task PostAsync_sends_a_json_body_serialized_with_the_client_options()
    {
        RespondToAll(body: """{"id":"x"}""");
        var client = CreateClient(o => o.JsonSerializerOptions = new JsonSerializerOptions { TypeInfoResolver = TestPayloadContext.Default });

        var result = await client.Http.PostAsync("/items", new KnownPayload("Bob", 1));

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/items");
        Header(request, "Content-Type").Should().StartWith("application/json");
        JsonAssert.Equal("""{"DisplayName":"Bob","RetryCount":1}""", request.Body);
        result.GetProperty("id").GetString().Should().Be("x");
    }

    [Fact]
    public async Task PostAsync_without_a_body_sends_no_body_and_no_content_type()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        await client.Http.PostAsync("/trigger");

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().BeNull();
    }

    [Fact]
    public async Task A_json_element_and_a_list_body_are_sent_as_json()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        await client.Http.PutAsync("/a", JsonDocument.Parse("""{"raw":[1,"two"]}""").RootElement);
        await client.Http.PatchAsync("/b", new List<object?> { 1, "two", null });
        await client.Http.PostAsync("/c", new Dictionary<string, object?> { ["n"] = 1.5 });

        var requests = Requests();
        requests[0].Method.Should().Be("PUT");
        JsonAssert.Equal("""{"raw":[1,"two"]}""", requests[0].Body);
        requests[1].Method.Should().Be("PATCH");
        JsonAssert.Equal("""[1,"two",null]""", requests[1].Body);
        JsonAssert.Equal("""{"n":1.5}""", requests[2].Body);
    }

    [Fact]
    public async Task DeleteAsync_sends_DELETE_with_an_optional_json_body()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        var withBody = await client.Http.DeleteAsync("/store/items", new Dictionary<string, object?> { ["namespace"] = new[] { "alice" }, ["key"] = "k" });
        await client.Http.DeleteAsync("/things/1");

        var requests = Requests();
        requests[0].Method.Should().Be("DELETE");
        JsonAssert.Equal("""{"namespace":["alice"],"key":"k"}""", requests[0].Body);
        Header(requests[0], "Content-Type").Should().StartWith("application/json");
        requests[1].Method.Should().Be("DELETE");
        requests[1].Path.Should().Be("/things/1");
        requests[1].Body.Should().BeNullOrEmpty();
        withBody.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Typed_put_patch_and_delete_read_the_response()
    {
        RespondToAll(body: """{"DisplayName":"Z","RetryCount":9}""");
        var client = CreateClient();

        var put = await client.Http.PutAsync("/p", new Dictionary<string, object?>(), TestPayloadContext.Default.KnownPayload);
        var patch = await client.Http.PatchAsync("/p", new Dictionary<string, object?>(), TestPayloadContext.Default.KnownPayload);
        var delete = await client.Http.DeleteAsync("/p", null, TestPayloadContext.Default.KnownPayload);

        put!.RetryCount.Should().Be(9);
        patch!.DisplayName.Should().Be("Z");
        delete.Should().Be(put);
        Requests().Select(r => r.Method).Should().Equal("PUT", "PATCH", "DELETE");
    }

    [Fact]
    public async Task A_body_of_a_type_the_options_do_not_know_is_an_ArgumentException()
    {
        var client = CreateClient(o => o.JsonSerializerOptions = new JsonSerializerOptions { TypeInfoResolver = TestPayloadContext.Default });

        var act = () => client.Http.PostAsync("/x", new UnknownPayload("n"));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(nameof(UnknownPayload));
        Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://evil.test/steal")]
    [InlineData("https://evil.test/steal")]
    [InlineData("//evil.test/steal")]
    [InlineData("evil.test/steal")]
    [InlineData("")]
    [InlineData("my/route")]
    [InlineData("/route?x=1")]
    [InlineData("/route#frag")]
    [InlineData("/a b")]
    [InlineData("/a\r\nX-Injected: 1")]
    [InlineData("/\\evil.test")]
    [InlineData("/threads/../admin")]
    [InlineData("/./threads")]
    [InlineData("/threads/%2e%2e/admin")]
    public async Task Anything_but_a_relative_path_is_refused_before_any_request(string path)
    {
        RespondToAll(body: "{}");
        var client = CreateClient(o => o.DefaultHeaders["Authorization"] = "Bearer secret-token");

        var get = () => client.Http.GetAsync(path);
        var stream = () => CollectAsync(client.Http.StreamAsync(path, HttpMethod.Get));

        (await get.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().NotContain("secret-token");
        await stream.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_null_path_is_an_ArgumentNullException()
    {
        var client = CreateClient();

        var act = () => client.Http.GetAsync(null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("path");
    }

    [Fact]
    public async Task Error_statuses_raise_the_same_exceptions_as_the_sdk_methods()
    {
        RespondToAll(404, "Thread with ID t1 not found", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Http.GetAsync("/threads/t1");

        var ex = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.Detail.Should().Be("Thread with ID t1 not found");
        ex.Message.Should().Contain("GET").And.Contain("/threads/t1");
    }

    [Theory]
    [InlineData("GET", 3)]
    [InlineData("PUT", 3)]
    [InlineData("DELETE", 3)]
    [InlineData("POST", 1)]
    [InlineData("PATCH", 1)]
    public async Task The_retry_rules_are_the_cores(string method, int attempts)
    {
        RespondToAll(503, "busy", "text/plain");
        var client = CreateClient(o => o.Retry.MaxRetryAttempts = 2);

        Func<Task> act = method switch
        {
            "GET" => () => client.Http.GetAsync("/r"),
            "PUT" => () => client.Http.PutAsync("/r", new Dictionary<string, object?>()),
            "DELETE" => () => client.Http.DeleteAsync("/r"),
            "POST" => () => client.Http.PostAsync("/r", new Dictionary<string, object?>()),
            _ => () => client.Http.PatchAsync("/r", new Dictionary<string, object?>()),
        };

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(503);
        Requests().Should().HaveCount(attempts);
    }

    [Fact]
    public async Task StreamAsync_posts_the_body_and_yields_the_events()
    {
        RespondToAll(
            body: "event: metadata\ndata: {\"run_id\":\"r1\"}\nid: 0\n\nevent: values\ndata: {\"messages\":[\"hi\"]}\nid: 1\n\n",
            contentType: "text/event-stream");
        var client = CreateClient();

        var parts = await CollectAsync(client.Http.StreamAsync("/threads/t1/runs/stream", HttpMethod.Post,
            new Dictionary<string, object?> { ["assistant_id"] = "echo" },
            new RawRequestOptions { Headers = { ["Last-Event-ID"] = "-1" }, QueryParams = { ["x"] = 1 } }));

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/runs/stream");
        request.RawQuery.Should().Be("?x=1");
        JsonAssert.Equal("""{"assistant_id":"echo"}""", request.Body);
        Header(request, "Accept").Should().Be("text/event-stream");
        Header(request, "Last-Event-ID").Should().Be("-1");
        parts.Should().HaveCount(2);
        parts[0].Event.Should().Be("metadata");
        parts[0].Id.Should().Be("0");
        parts[1].Event.Should().Be("values");
        parts[1].Data.GetProperty("messages")[0].GetString().Should().Be("hi");
    }

    [Fact]
    public async Task StreamAsync_with_GET_sends_no_body()
    {
        RespondToAll(body: "event: end\ndata: null\n\n", contentType: "text/event-stream");
        var client = CreateClient();

        var parts = await CollectAsync(client.Http.StreamAsync("/threads/t1/runs/r1/stream", HttpMethod.Get));

        SingleRequest().Body.Should().BeNullOrEmpty();
        parts.Should().ContainSingle().Which.Event.Should().Be("end");
    }

    [Fact]
    public async Task StreamAsync_refuses_a_response_that_is_not_an_event_stream()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        var act = () => CollectAsync(client.Http.StreamAsync("/not/sse", HttpMethod.Get));

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("text/event-stream");
    }

    [Fact]
    public async Task StreamAsync_surfaces_an_error_status()
    {
        RespondToAll(404, "404 Not Found", "text/plain; charset=UTF-8");
        var client = CreateClient();

        var act = () => CollectAsync(client.Http.StreamAsync("/threads/t1/stream", HttpMethod.Get));

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("404 Not Found");
    }
}

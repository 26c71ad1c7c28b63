using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LangGraph.Sdk.Tests.Http;

/// <summary>client.Http beyond JSON: text, bytes and the whole response, through the same core.</summary>
public class LangGraphRawClientContentTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string Html = "<!doctype html><html><body><h1>Report</h1><p>é ✓</p></body></html>";

    [Fact]
    public async Task GetStringAsync_reads_an_html_route_with_the_clients_headers_and_query()
    {
        RespondToAll(body: Html, contentType: "text/html; charset=utf-8");
        var client = CreateClient(o =>
        {
            o.ApiKey = "k-1";
            o.DefaultHeaders["X-Default"] = "d";
        });

        var html = await client.Http.GetStringAsync("/ui/report", new RawRequestOptions
        {
            Headers = { ["Accept"] = "text/html" },
            QueryParams = { ["days"] = 7 },
        });

        html.Should().Be(Html);
        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/ui/report");
        request.RawQuery.Should().Be("?days=7");
        Header(request, "Accept").Should().Be("text/html");
        Header(request, "x-api-key").Should().Be("k-1");
        Header(request, "X-Default").Should().Be("d");
    }

    [Fact]
    public async Task GetStringAsync_decodes_with_the_charset_of_the_response()
    {
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create()
            .WithHeader("Content-Type", "text/plain; charset=iso-8859-1")
            .WithBody(Encoding.Latin1.GetBytes("café")));
        var client = CreateClient();

        (await client.Http.GetStringAsync("/text")).Should().Be("café");
    }

    [Fact]
    public async Task GetBytesAsync_returns_the_body_unchanged()
    {
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x10 };
        Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithHeader("Content-Type", "image/png").WithBody(bytes));
        var client = CreateClient();

        (await client.Http.GetBytesAsync("/files/logo.png")).Should().Equal(bytes);
    }

    [Fact]
    public async Task Empty_bodies_give_an_empty_string_and_no_bytes()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        (await client.Http.GetStringAsync("/empty")).Should().BeEmpty();
        (await client.Http.GetBytesAsync("/empty")).Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_returns_the_status_headers_and_a_buffered_body()
    {
        RespondToAll(status: 201, body: "created: r1", contentType: "text/plain; charset=utf-8", headers: new Dictionary<string, string>
        {
            ["Content-Location"] = "/threads/t1/runs/r1",
            ["X-Pagination-Total"] = "3",
        });
        var client = CreateClient();

        using var response = await client.Http.SendAsync(HttpMethod.Post, "/my/route", new Dictionary<string, object?> { ["a"] = 1 });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.GetValues("X-Pagination-Total").Should().Equal("3");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Content.Headers.ContentLocation!.OriginalString.Should().Be("/threads/t1/runs/r1");
        (await response.Content.ReadAsStringAsync()).Should().Be("created: r1");
        (await response.Content.ReadAsStringAsync()).Should().Be("created: r1", "the body is buffered");
        var request = SingleRequest();
        request.Method.Should().Be("POST");
        JsonAssert.Equal("""{"a":1}""", request.Body);
        Header(request, "Content-Type").Should().Be("application/json");
    }

    [Fact]
    public async Task An_error_status_throws_the_usual_exception_with_the_text_body_and_redacted_credentials()
    {
        RespondToAll(status: 404, body: "no page here for key-secret-123", contentType: "text/html");
        var client = CreateClient(o => o.ApiKey = "key-secret-123");

        var text = () => client.Http.GetStringAsync("/missing");
        var bytes = () => client.Http.GetBytesAsync("/missing");
        var send = () => client.Http.SendAsync(HttpMethod.Get, "/missing");

        foreach (var act in new Func<Task>[] { text, bytes, send })
        {
            var error = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
            error.StatusCode.Should().Be(404);
            error.Message.Should().NotContain("key-secret-123");
            error.ResponseBody.Should().NotContain("key-secret-123");
        }
    }

    [Fact]
    public async Task GET_is_retried_on_a_transient_failure_then_returns_the_text()
    {
        Server.Given(Request.Create().UsingGet()).InScenario("retry").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("busy"));
        Server.Given(Request.Create().UsingGet()).InScenario("retry").WhenStateIs("up")
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/html").WithBody(Html));
        var client = CreateClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));

        (await client.Http.GetStringAsync("/ui/report")).Should().Be(Html);
        Requests().Should().HaveCount(2);
    }

    [Fact]
    public async Task A_POST_is_not_retried_after_an_answer()
    {
        RespondToAll(status: 503, body: "busy", contentType: "text/plain");
        var client = CreateClient(o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1));

        var act = () => client.Http.SendAsync(HttpMethod.Post, "/r", new Dictionary<string, object?>());

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(503);
        Requests().Should().ContainSingle();
    }

    [Theory]
    [InlineData("https://elsewhere.example/x")]
    [InlineData("//elsewhere.example/x")]
    [InlineData("no-slash")]
    public async Task Absolute_and_relative_paths_are_refused_before_sending(string path)
    {
        var client = CreateClient();

        await FluentActions.Invoking(() => client.Http.GetStringAsync(path)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Invoking(() => client.Http.GetBytesAsync(path)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Invoking(() => client.Http.SendAsync(HttpMethod.Get, path)).Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task SendAsync_refuses_a_null_method()
    {
        var client = CreateClient();

        await FluentActions.Invoking(() => client.Http.SendAsync(null!, "/r")).Should().ThrowAsync<ArgumentNullException>();
        Server.LogEntries.Should().BeEmpty();
    }
}

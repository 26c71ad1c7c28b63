using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LangGraph.Sdk.Tests.Http;

public class RetryTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    /// <summary>Answers the n-th request with the n-th step; the last step repeats.</summary>
    private void RespondInSequence(params (int Status, string Body, string? RetryAfter)[] steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            var provider = Server.Given(Request.Create().UsingAnyMethod());
            if (steps.Length > 1)
            {
                provider = provider.InScenario("sequence");
            }

            if (i > 0)
            {
                provider = provider.WhenStateIs($"step{i}");
            }

            if (i < steps.Length - 1)
            {
                provider = provider.WillSetStateTo($"step{i + 1}");
            }

            var response = Response.Create().WithStatusCode(steps[i].Status).WithHeader("Content-Type", "application/json").WithBody(steps[i].Body);
            if (steps[i].RetryAfter is { } retryAfter)
            {
                response = response.WithHeader("Retry-After", retryAfter);
            }

            provider.RespondWith(response);
        }
    }

    [Fact]
    public async Task A_GET_that_gets_503_is_retried_and_succeeds()
    {
        RespondInSequence((503, "overloaded", null), (200, ServerJson.Thread, null));
        var client = CreateClient();

        var thread = await client.Threads.GetAsync("t1");

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        Requests().Should().HaveCount(2).And.AllSatisfy(r => r.Path.Should().Be("/threads/t1"));
    }

    [Fact]
    public async Task A_GET_that_keeps_failing_throws_after_MaxRetryAttempts_plus_one_requests()
    {
        RespondInSequence((500, """{"detail":"boom"}""", null));
        var client = CreateClient(o => o.Retry.MaxRetryAttempts = 3);

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(500);
        ex.Detail.Should().Be("boom");
        Requests().Should().HaveCount(4);
    }

    [Fact]
    public async Task The_default_retry_count_is_four()
    {
        RespondInSequence((502, "", null));
        var client = CreateClient();

        var act = () => client.Threads.GetStateAsync("t1");

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(502);
        Requests().Should().HaveCount(5);
    }

    [Fact]
    public async Task A_POST_that_gets_503_is_not_retried()
    {
        RespondInSequence((503, "overloaded", null), (200, ServerJson.Thread, null));
        var client = CreateClient();

        var act = () => client.Threads.CreateAsync();

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(503);
        Requests().Should().ContainSingle();
    }

    [Fact]
    public async Task A_PATCH_that_gets_500_is_not_retried()
    {
        RespondInSequence((500, "", null), (200, ServerJson.Thread, null));
        var client = CreateClient();

        var act = () => client.Threads.UpdateAsync("t1", new ThreadUpdateOptions());

        await act.Should().ThrowAsync<LangGraphApiException>();
        Requests().Should().ContainSingle();
    }

    [Fact]
    public async Task A_DELETE_that_gets_503_is_retried()
    {
        RespondInSequence((503, "", null), (204, "", null));
        var client = CreateClient();

        await client.Threads.DeleteAsync("t1");

        Requests().Should().HaveCount(2);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Client_errors_are_never_retried_on_GET(int status)
    {
        RespondInSequence((status, "nope", null), (200, ServerJson.Thread, null));
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("t1");

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(status);
        Requests().Should().ContainSingle();
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    public async Task Timeout_and_rate_limit_answers_are_retried_on_GET(int status)
    {
        RespondInSequence((status, "", null), (200, ServerJson.Thread, null));
        var client = CreateClient();

        var thread = await client.Threads.GetAsync("t1");

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        Requests().Should().HaveCount(2);
    }

    [Fact]
    public async Task Retry_After_zero_is_honoured_instead_of_the_backoff()
    {
        // With a 30 s backoff the call would hit its 10 s timeout; Retry-After: 0 makes the retry immediate.
        RespondInSequence((503, "", "0"), (200, ServerJson.Thread, null));
        var client = CreateClient(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromSeconds(30);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(30);
            o.Timeout = TimeSpan.FromSeconds(10);
        });

        var thread = await client.Threads.GetAsync("t1");

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        Requests().Should().HaveCount(2);
    }

    [Fact]
    public async Task Retry_After_longer_than_MaxRetryAfter_is_not_retried()
    {
        RespondInSequence((429, "slow down", "120"), (200, ServerJson.Thread, null));
        var client = CreateClient(o => o.Retry.MaxRetryAfter = TimeSpan.FromSeconds(60));

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(429);
        ex.Detail.Should().Be("slow down");
        Requests().Should().ContainSingle();
    }

    [Fact]
    public async Task Retry_After_beyond_a_zero_MaxRetryAfter_is_not_retried()
    {
        RespondInSequence((503, "", "1"), (200, ServerJson.Thread, null));
        var client = CreateClient(o => o.Retry.MaxRetryAfter = TimeSpan.Zero);

        var act = () => client.Threads.GetAsync("t1");

        await act.Should().ThrowAsync<LangGraphApiException>();
        Requests().Should().ContainSingle();
    }

    [Fact]
    public async Task Disabled_retries_send_one_request()
    {
        RespondInSequence((503, "", null), (200, ServerJson.Thread, null));
        var client = CreateClient(o => o.Retry.Enabled = false);

        var act = () => client.Threads.GetAsync("t1");

        await act.Should().ThrowAsync<LangGraphApiException>();
        Requests().Should().ContainSingle();
    }

    [Fact]
    public async Task Zero_retry_attempts_send_one_request()
    {
        RespondInSequence((503, "", null), (200, ServerJson.Thread, null));
        var client = CreateClient(o => o.Retry.MaxRetryAttempts = 0);

        var act = () => client.Threads.GetAsync("t1");

        await act.Should().ThrowAsync<LangGraphApiException>();
        Requests().Should().ContainSingle();
    }

    [Fact]
    public async Task A_stream_GET_that_gets_503_is_retried()
    {
        Server.Given(Request.Create().UsingGet()).InScenario("stream").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().UsingGet()).InScenario("stream").WhenStateIs("ok")
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/event-stream").WithBody("event: values\ndata: {}\n\n"));
        var client = CreateClient();

        var parts = new List<StreamPart>();
        await foreach (var part in client.Threads.JoinStreamAsync("t1"))
        {
            parts.Add(part);
        }

        parts.Should().ContainSingle();
        Requests().Should().HaveCount(2);
    }

    [Fact]
    public async Task Connect_failures_are_retried_for_POST_too()
    {
        var handler = new StubHttpHandler(StubHttpHandler.ConnectionRefused(), StubHttpHandler.ConnectionRefused(), StubHttpHandler.Json(ServerJson.Thread));
        using var http = new HttpClient(handler);
        using var client = new LangGraphClient(TestClients.Options("http://langgraph.test", o => o.ReadApiKeyFromEnvironment = false), http);

        var thread = await client.Threads.CreateAsync();

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        handler.Calls.Should().Be(3);
        handler.Seen.Select(r => r.Line).Should().AllBe("POST /threads");
    }

    [Fact]
    public async Task Connect_failures_that_persist_throw_a_LangGraphException_after_every_attempt()
    {
        var handler = new StubHttpHandler(StubHttpHandler.ConnectionRefused());
        using var http = new HttpClient(handler);
        using var client = new LangGraphClient(TestClients.Options("http://langgraph.test", o =>
        {
            o.ReadApiKeyFromEnvironment = false;
            o.Retry.MaxRetryAttempts = 2;
        }), http);

        var act = () => client.Threads.CreateAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphApiException>();
        ex.InnerException.Should().BeOfType<HttpRequestException>();
        ex.Message.Should().Contain("http://langgraph.test").And.Contain("POST http://langgraph.test/threads").And.Contain("after retries");
        handler.Calls.Should().Be(3);
    }

    [Fact]
    public async Task A_connection_lost_after_sending_a_POST_is_not_retried()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")), StubHttpHandler.Json(ServerJson.Thread));
        using var http = new HttpClient(handler);
        using var client = new LangGraphClient(TestClients.Options("http://langgraph.test", o => o.ReadApiKeyFromEnvironment = false), http);

        var act = () => client.Threads.CreateAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.InnerException.Should().BeOfType<HttpRequestException>();
        ex.Message.Should().NotContain("after retries");
        handler.Calls.Should().Be(1);
    }

    [Fact]
    public async Task A_connection_lost_during_a_GET_is_retried()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")), StubHttpHandler.Json(ServerJson.Thread));
        using var http = new HttpClient(handler);
        using var client = new LangGraphClient(TestClients.Options("http://langgraph.test", o => o.ReadApiKeyFromEnvironment = false), http);

        var thread = await client.Threads.GetAsync("t1");

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task Status_retries_go_through_a_caller_owned_HttpClient_too()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Status(HttpStatusCode.BadGateway), StubHttpHandler.Status(HttpStatusCode.GatewayTimeout), StubHttpHandler.Json(ServerJson.EmptyState));
        using var http = new HttpClient(handler);
        using var client = new LangGraphClient(TestClients.Options("http://langgraph.test", o => o.ReadApiKeyFromEnvironment = false), http);

        var state = await client.Threads.GetStateAsync("t1");

        state.Next.Should().BeEmpty();
        handler.Calls.Should().Be(3);
        handler.Seen.Select(r => r.Line).Should().AllBe("GET /threads/t1/state?subgraphs=false");
    }
}

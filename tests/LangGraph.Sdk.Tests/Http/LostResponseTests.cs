using System;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Http;

/// <summary>
/// Faults #7 and #9: an idempotent request whose body is cut is sent again within the retry budget, and a connection
/// lost after a request was sent says that the server may have processed it (with the run, when the answer named one).
/// </summary>
public class LostResponseTests
{
    private const string Url = "http://server";

    private static LangGraphClient Client(StubHttpHandler handler, Action<LangGraphClientOptions>? configure = null) =>
        TestClients.Create(Url, configure, httpClient: new HttpClient(handler));

    private static Func<HttpRequestMessage, HttpResponseMessage> Reset(HttpRequestError error) =>
        _ => throw new HttpRequestException(error, "The response ended prematurely.");

    [Fact]
    public async Task Faults7_a_GET_whose_body_is_cut_mid_read_is_sent_again_and_succeeds()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.DroppingBody("{\"thread_id\":\"" + ServerJson.ThreadId[..10]),
            StubHttpHandler.Json(ServerJson.Thread));
        using var client = Client(handler);

        var thread = await client.Threads.GetAsync(ServerJson.ThreadId);

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        handler.Seen.Should().HaveCount(2).And.OnlyContain(r => r.Method == "GET");
    }

    [Fact]
    public async Task Faults7_a_GET_whose_body_is_always_cut_stops_at_the_retry_budget_with_a_clear_error()
    {
        var handler = new StubHttpHandler(StubHttpHandler.DroppingBody("{\"thread_id\":"));
        using var client = Client(handler, o => o.Retry.MaxRetryAttempts = 2);

        var act = () => client.Threads.GetAsync(ServerJson.ThreadId);

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("The connection was lost while reading the response to GET").And.Contain("after retries");
        handler.Seen.Should().HaveCount(3);
    }

    [Fact]
    public async Task Faults7_a_POST_whose_body_is_cut_is_not_sent_again_and_names_the_run_it_created()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.DroppingBody("{\"run_id\":\"r1\"", contentLocation: "/threads/t1/runs/r1"),
            StubHttpHandler.Json("{}"));
        using var client = Client(handler);

        var act = () => client.Runs.CreateAsync("t1", "agent");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("the server received the request and created run r1 on thread t1").And.NotContain("Could not reach");
        handler.Seen.Should().ContainSingle();
    }

    [Fact]
    public async Task Faults9_a_reset_after_a_POST_was_sent_says_it_may_have_reached_the_server_not_that_it_could_not_reach_it()
    {
        var handler = new StubHttpHandler(Reset(HttpRequestError.ResponseEnded));
        using var client = Client(handler);

        var act = () => client.Runs.CreateAsync("t1", "agent");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().NotContain("Could not reach")
            .And.Contain("may have reached the server and been processed")
            .And.Contain("do not simply send it again");
        handler.Seen.Should().ContainSingle("a POST that may have been processed is not retried");
    }

    [Fact]
    public async Task Faults9_a_reset_of_a_run_stream_before_its_answer_says_it_may_have_reached_the_server()
    {
        var handler = new StubHttpHandler(Reset(HttpRequestError.ResponseEnded));
        using var client = Client(handler);

        var act = async () =>
        {
            await foreach (var part in client.Runs.StreamAsync("t1", "agent"))
            {
                _ = part;
            }
        };

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("may have reached the server").And.NotContain("Could not reach");
    }

    [Fact]
    public async Task Faults9_a_wait_cut_after_its_headers_names_the_run_the_server_created()
    {
        var handler = new StubHttpHandler(StubHttpHandler.DroppingBody("\n", contentLocation: "/threads/t1/runs/r7"));
        using var client = Client(handler);

        var act = () => client.Runs.WaitAsync("t1", "agent");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message
            .Should().Contain("the server received the request and created run r7 on thread t1").And.NotContain("Could not reach");
    }

    [Fact]
    public async Task A_connect_failure_still_says_the_server_could_not_be_reached()
    {
        var handler = new StubHttpHandler(Reset(HttpRequestError.ConnectionError));
        using var client = Client(handler, o => o.Retry.MaxRetryAttempts = 1);

        var act = () => client.Runs.CreateAsync("t1", "agent");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("Could not reach the LangGraph server at http://server");
        handler.Seen.Should().HaveCount(2, "a connect failure never reached the server, so even a POST is retried");
    }
}

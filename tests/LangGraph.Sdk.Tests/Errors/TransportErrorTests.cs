using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LangGraph.Sdk.Tests.Errors;

public class TransportErrorTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private void RespondSlowly(TimeSpan delay) =>
        Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(ServerJson.Thread).WithDelay(delay));

    [Fact]
    public async Task Connection_refused_is_a_LangGraphException_naming_the_url()
    {
        var url = ClosedPort.Url();
        using var client = TestClients.Create(url, o => o.Retry.MaxRetryAttempts = 1);

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphApiException>();
        ex.Message.Should().Contain(url).And.Contain($"GET {url}/threads/t1");
        ex.InnerException.Should().BeOfType<HttpRequestException>()
            .Which.HttpRequestError.Should().Be(HttpRequestError.ConnectionError);
    }

    [Fact]
    public async Task Connection_refused_on_a_POST_without_retries_is_a_LangGraphException()
    {
        var url = ClosedPort.Url();
        using var client = TestClients.Create(url, o => o.Retry.Enabled = false);

        var act = () => client.Threads.CreateAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain($"POST {url}/threads").And.NotContain("after retries");
        ex.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task Connection_refused_on_a_stream_is_a_LangGraphException()
    {
        var url = ClosedPort.Url();
        using var client = TestClients.Create(url, o => o.Retry.Enabled = false);

        var act = async () =>
        {
            await foreach (var _ in client.Threads.JoinStreamAsync("t1"))
            {
            }
        };

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain($"{url}/threads/t1/stream");
        ex.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task A_call_slower_than_the_timeout_is_a_LangGraphException_with_a_TimeoutException_inside()
    {
        RespondSlowly(TimeSpan.FromSeconds(3));
        var client = CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(100));

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphApiException>();
        ex.InnerException.Should().BeOfType<TimeoutException>();
        ex.Message.Should().Contain($"GET {Url}/threads/t1").And.Contain("timeout").And.Contain("0.1 s");
    }

    [Fact]
    public async Task A_timed_out_POST_is_a_LangGraphException_too()
    {
        RespondSlowly(TimeSpan.FromSeconds(3));
        var client = CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(100));

        var act = () => client.Threads.CreateAsync();

        (await act.Should().ThrowAsync<LangGraphException>()).Which.InnerException.Should().BeOfType<TimeoutException>();
    }

    [Fact]
    public async Task A_caller_cancelled_token_is_an_OperationCanceledException_not_wrapped()
    {
        RespondSlowly(TimeSpan.FromSeconds(3));
        var client = CreateClient(o => o.Timeout = TimeSpan.FromSeconds(30));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => client.Threads.GetAsync("t1", cancellationToken: cts.Token);

        var ex = (await act.Should().ThrowAsync<OperationCanceledException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphException>();
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var act = () => client.Threads.GetAsync("t1", cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_caller_cancellation_wins_even_with_a_short_timeout_configured()
    {
        RespondSlowly(TimeSpan.FromSeconds(3));
        var client = CreateClient(o => o.Timeout = TimeSpan.FromSeconds(20));
        using var cts = new CancellationTokenSource();
        cts.CancelAfter(TimeSpan.FromMilliseconds(50));

        var act = () => client.Threads.CountAsync(cancellationToken: cts.Token);

        (await act.Should().ThrowAsync<OperationCanceledException>()).Which.Should().NotBeAssignableTo<LangGraphException>();
    }

    [Fact]
    public async Task An_infinite_timeout_is_allowed()
    {
        RespondToAll(body: "2");
        var client = CreateClient(o => o.Timeout = Timeout.InfiniteTimeSpan);

        (await client.Threads.CountAsync()).Should().Be(2);
    }

    [Fact]
    public async Task A_connection_lost_while_reading_the_body_is_a_LangGraphException_after_the_GET_was_retried()
    {
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StreamContent(new BrokenStream()),
        });
        using var http = new HttpClient(handler);
        using var client = new LangGraphClient(TestClients.Options("http://langgraph.test", o => o.ReadApiKeyFromEnvironment = false), http);

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("connection was lost").And.Contain("GET http://langgraph.test/threads/t1").And.Contain("after retries");
        ex.InnerException!.GetBaseException().Should().BeOfType<System.IO.IOException>();
        handler.Calls.Should().Be(5, "faults #7: a GET whose body is cut is retried within the budget (4 retries)");
    }

    private sealed class BrokenStream : System.IO.MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new System.IO.IOException("connection reset by peer");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new System.IO.IOException("connection reset by peer");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new System.IO.IOException("connection reset by peer");
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LangGraph.Sdk.Tests.Http;

/// <summary>
/// Issue 20 item 1: retries run in one <c>DelegatingHandler</c>, and the same pipeline serves the client's own handler,
/// the client <c>AddLangGraphClient</c> registers with <c>IHttpClientFactory</c>, and a caller's <c>HttpClient</c>.
/// </summary>
public class RetryHandlerTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    public enum Transport
    {
        OwnHandler,
        HttpClientFactory,
        CallerHttpClient,
    }

    /// <summary>Counts the attempts it sees and marks each with one header, which a resent message would carry twice.</summary>
    private sealed class AttemptHandler : DelegatingHandler
    {
        private int _count;

        public int Count => _count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            request.Headers.TryAddWithoutValidation("X-Attempt", "1");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static void FastRetries(LangGraphClientOptions options)
    {
        options.ReadApiKeyFromEnvironment = false;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.UseJitter = false;
    }

    /// <summary>The first request gets 503, every later one 200 with a thread.</summary>
    private void UnavailableThenThread()
    {
        Server.Given(Request.Create().UsingAnyMethod()).InScenario("retry").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("overloaded"));
        Server.Given(Request.Create().UsingAnyMethod()).InScenario("retry").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ServerJson.Thread));
    }

    /// <summary>A client over the given transport, and the handler that sees every attempt (for the own handler, none can be added).</summary>
    private (LangGraphClient Client, AttemptHandler? Attempts, IDisposable Owner) Client(Transport transport, Action<LangGraphClientOptions>? configure = null)
    {
        void Configure(LangGraphClientOptions o)
        {
            o.ApiUrl = new Uri(Url);
            FastRetries(o);
            configure?.Invoke(o);
        }

        switch (transport)
        {
            case Transport.OwnHandler:
                var own = new LangGraphClient(TestClients.Options(Url, Configure));
                return (own, null, own);
            case Transport.HttpClientFactory:
                var attempts = new AttemptHandler();
                var services = new ServiceCollection();
                services.AddLangGraphClient(Configure).AddHttpMessageHandler(() => attempts);
                var provider = services.BuildServiceProvider();
                return (provider.GetRequiredService<LangGraphClient>(), attempts, provider);
            default:
                var callers = new AttemptHandler { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
                var http = new HttpClient(callers);
                var client = new LangGraphClient(TestClients.Options(Url, Configure), http);
                return (client, callers, new Disposables(client, http));
        }
    }

    [Theory]
    [InlineData(Transport.OwnHandler)]
    [InlineData(Transport.HttpClientFactory)]
    [InlineData(Transport.CallerHttpClient)]
    public async Task A_503_then_200_is_retried_once_with_a_fresh_message_on_every_transport(Transport transport)
    {
        UnavailableThenThread();
        var (client, attempts, owner) = Client(transport);
        using (owner)
        {
            var thread = await client.Threads.GetAsync("t1");

            thread.ThreadId.Should().Be(ServerJson.ThreadId);
            Requests().Should().HaveCount(2).And.AllSatisfy(r => r.Path.Should().Be("/threads/t1"));
            if (attempts is not null)
            {
                attempts.Count.Should().Be(2, "the handlers behind the retry handler run once per attempt");
                Requests().Should().AllSatisfy(r => Header(r, "X-Attempt").Should().Be("1", "each attempt is a new message"));
            }
        }
    }

    [Theory]
    [InlineData(Transport.OwnHandler)]
    [InlineData(Transport.HttpClientFactory)]
    [InlineData(Transport.CallerHttpClient)]
    public async Task The_retry_budget_and_the_idempotency_rule_are_the_same_on_every_transport(Transport transport)
    {
        RespondToAll(status: 502, body: """{"detail":"down"}""");
        var (client, _, owner) = Client(transport, o => o.Retry.MaxRetryAttempts = 2);
        using (owner)
        {
            var get = () => client.Threads.GetAsync("t1");
            var post = () => client.Threads.CreateAsync();

            (await get.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(502);
            Requests().Should().HaveCount(3, "a GET is sent MaxRetryAttempts + 1 times");
            Server.ResetLogEntries();
            (await post.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(502);
            Requests().Should().ContainSingle("a POST that got an answer is never sent again");
        }
    }

    [Fact]
    public async Task The_factorys_client_passed_in_as_a_callers_is_still_retried_by_one_pipeline()
    {
        RespondToAll(status: 503, body: "overloaded");
        var services = new ServiceCollection();
        services.AddLangGraphClient(o =>
        {
            o.ApiUrl = new Uri(Url);
            FastRetries(o);
            o.Retry.MaxRetryAttempts = 2;
        });
        using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(LangGraphServiceCollectionExtensions.HttpClientName);
        using var client = new LangGraphClient(TestClients.Options(Url, o =>
        {
            FastRetries(o);
            o.Retry.MaxRetryAttempts = 2;
        }), http);

        var act = () => client.Threads.GetAsync("t1");

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(503);
        Requests().Should().HaveCount(3, "the retry handler in the factory's chain lets the outer one retry alone, not 3 × 3 times");
    }

    [Fact]
    public async Task A_callers_HttpClient_is_used_for_every_attempt_and_never_disposed()
    {
        UnavailableThenThread();
        var handler = new AttemptHandler { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } };
        using var http = new HttpClient(handler);
        var client = new LangGraphClient(TestClients.Options(Url, FastRetries), http);

        (await client.Threads.GetAsync("t1")).ThreadId.Should().Be(ServerJson.ThreadId);
        client.Dispose();

        handler.Count.Should().Be(2);
        Server.Reset();
        RespondToAll(body: "{}");
        using var after = await http.GetAsync(new Uri(Url + "/ok"));
        ((int)after.StatusCode).Should().Be(200, "the caller's HttpClient (and its handler) still works after the LangGraph client is disposed");
        handler.Count.Should().Be(3);
    }

    [Fact]
    public async Task Requests_that_are_not_the_clients_own_pass_the_registered_handler_unchanged()
    {
        RespondToAll(status: 503, body: "overloaded");
        var services = new ServiceCollection();
        services.AddLangGraphClient(o =>
        {
            o.ApiUrl = new Uri(Url);
            FastRetries(o);
        });
        using var provider = services.BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(LangGraphServiceCollectionExtensions.HttpClientName);

        using var response = await http.GetAsync(new Uri(Url + "/threads/t1"));

        ((int)response.StatusCode).Should().Be(503);
        Requests().Should().ContainSingle("only the LangGraph client's requests can be built again for another attempt");
    }

    [Fact]
    public async Task A_stream_GET_is_retried_up_to_its_headers_through_a_callers_HttpClient_too()
    {
        Server.Given(Request.Create().UsingGet()).InScenario("stream").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503));
        Server.Given(Request.Create().UsingGet()).InScenario("stream").WhenStateIs("up")
            .RespondWith(Response.Create().WithHeader("Content-Type", "text/event-stream").WithBody("event: values\ndata: {}\n\n"));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var client = new LangGraphClient(TestClients.Options(Url, FastRetries), http);

        var parts = new List<StreamPart>();
        await foreach (var part in client.Threads.JoinStreamAsync("t1"))
        {
            parts.Add(part);
        }

        parts.Should().ContainSingle();
        Requests().Should().HaveCount(2);
    }

    private sealed class Disposables(params IDisposable[] items) : IDisposable
    {
        public void Dispose()
        {
            for (var i = items.Length - 1; i >= 0; i--)
            {
                items[i].Dispose();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests;

public class LangGraphClientTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private sealed class FakeThreads : ThreadsClient
    {
        public override Task<LangGraphThread> GetAsync(string threadId, ThreadGetOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new LangGraphThread { ThreadId = "fake-" + threadId });
    }

    private sealed class FakeClient : LangGraphClient
    {
        public override ThreadsClient Threads { get; } = new FakeThreads();
    }

    [Fact]
    public void The_uri_constructor_sets_the_api_url()
    {
        using var client = new LangGraphClient(new Uri("http://localhost:2024"));

        client.ApiUrl.Should().Be(new Uri("http://localhost:2024"));
        client.Threads.Should().NotBeNull();
    }

    [Fact]
    public void The_uri_constructor_refuses_a_bad_url()
    {
        var act = () => new LangGraphClient(new Uri("ftp://localhost"));

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Create_mirrors_get_client_with_url_key_and_headers()
    {
        RespondToAll(body: "1");
        using var client = LangGraphClient.Create(Url, apiKey: "key-alice", headers: [new("Authorization", "Bearer alice-token"), new("X-Extra", "1")]);

        await client.Threads.CountAsync();

        client.ApiUrl.Should().Be(new Uri(Url));
        var request = SingleRequest();
        Header(request, "x-api-key").Should().Be("key-alice");
        Header(request, "Authorization").Should().Be("Bearer alice-token");
        Header(request, "X-Extra").Should().Be("1");
    }

    [Fact]
    public void Create_without_a_url_uses_the_default()
    {
        using var client = LangGraphClient.Create(apiKey: "k");

        client.ApiUrl.Should().Be(LangGraphClientOptions.DefaultApiUrl);
    }

    [Theory]
    [InlineData("localhost:2024/x y")]
    [InlineData("/relative")]
    public void Create_refuses_a_relative_url(string url)
    {
        var act = () => LangGraphClient.Create(url);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Create_applies_the_timeout()
    {
        Server.Given(WireMock.RequestBuilders.Request.Create().UsingAnyMethod())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody("1").WithDelay(TimeSpan.FromSeconds(3)));
        using var client = LangGraphClient.Create(Url, apiKey: "k", timeout: TimeSpan.FromMilliseconds(100));

        var act = () => client.Threads.CountAsync();

        (await act.Should().ThrowAsync<LangGraphException>()).Which.InnerException.Should().BeOfType<TimeoutException>();
    }

    [Fact]
    public async Task A_caller_owned_HttpClient_is_not_disposed_with_the_client()
    {
        RespondToAll(body: "1");
        using var http = new HttpClient();
        var client = new LangGraphClient(TestClients.Options(Url, o => o.ReadApiKeyFromEnvironment = false), http);

        (await client.Threads.CountAsync()).Should().Be(1);
        client.Dispose();

        var response = await http.GetAsync(new Uri(Url + "/still-usable"));
        response.IsSuccessStatusCode.Should().BeTrue();
    }

    [Fact]
    public async Task An_owned_HttpClient_is_disposed_with_the_client()
    {
        RespondToAll(body: "1");
        var client = TestClients.Create(Url);
        (await client.Threads.CountAsync()).Should().Be(1);

        client.Dispose();
        client.Dispose();

        var act = () => client.Threads.CountAsync();
        await act.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public void A_null_HttpClient_is_refused()
    {
        var act = () => new LangGraphClient(new LangGraphClientOptions(), null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("httpClient");
    }

    [Fact]
    public async Task The_caller_owned_HttpClients_base_address_is_ignored_in_favour_of_ApiUrl()
    {
        RespondToAll(body: "1");
        using var http = new HttpClient { BaseAddress = new Uri("http://elsewhere.invalid/") };
        using var client = new LangGraphClient(TestClients.Options(Url, o => o.ReadApiKeyFromEnvironment = false), http);

        (await client.Threads.CountAsync()).Should().Be(1);
        SingleRequest().Path.Should().Be("/threads/count");
    }

    [Fact]
    public async Task The_client_can_be_used_concurrently()
    {
        RespondToAll(body: "3");
        var client = CreateClient();

        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Threads.CountAsync()));

        counts.Should().AllBeEquivalentTo(3);
        Requests().Should().HaveCount(20);
    }

    [Fact]
    public async Task Clients_and_sub_clients_can_be_mocked()
    {
        LangGraphClient client = new FakeClient();

        var thread = await client.Threads.GetAsync("t1");

        thread.ThreadId.Should().Be("fake-t1");
        client.ApiUrl.Should().Be(LangGraphClientOptions.DefaultApiUrl);
        client.Invoking(c => c.Dispose()).Should().NotThrow();
    }

    [Fact]
    public void The_Threads_client_is_the_same_instance_every_time()
    {
        var client = CreateClient();

        client.Threads.Should().BeSameAs(client.Threads);
    }

    [Fact]
    public async Task Create_copies_headers_case_insensitively_the_last_one_winning()
    {
        RespondToAll(body: "1");
        var headers = new List<KeyValuePair<string, string>> { new("authorization", "Bearer a"), new("Authorization", "Bearer b") };
        using var client = LangGraphClient.Create(Url, apiKey: "k", headers: headers);

        await client.Threads.CountAsync();

        Header(SingleRequest(), "Authorization").Should().Be("Bearer b");
    }
}

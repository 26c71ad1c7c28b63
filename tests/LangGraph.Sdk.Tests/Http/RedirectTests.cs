using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace LangGraph.Sdk.Tests.Http;

/// <summary>
/// Faults #1: a redirect is never followed, so the API key, cookies and a run's body never reach another origin
/// (here <c>localhost</c> and <c>127.0.0.1</c>, two origins of the same machine).
/// </summary>
public sealed class RedirectTests : IDisposable
{
    private const string ApiKey = "redirect-secret-key-123";

    private readonly WireMockServer _api = WireMockServer.Start();
    private readonly WireMockServer _elsewhere = WireMockServer.Start();

    public RedirectTests()
    {
        _elsewhere.Given(Request.Create().UsingAnyMethod()).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(ServerJson.Thread));
    }

    private string ApiUrl => $"http://localhost:{_api.Port}";

    private string OtherOrigin => $"http://127.0.0.1:{_elsewhere.Port}";

    public void Dispose()
    {
        _api.Stop();
        _elsewhere.Stop();
    }

    private void RedirectEverythingTo(string location, int status = 307) =>
        _api.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Location", location));

    private LangGraphClient Client(HttpClient? httpClient = null) =>
        TestClients.Create(ApiUrl, o => o.ApiKey = ApiKey, httpClient: httpClient);

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_cross_origin_redirect_is_an_error_naming_both_origins_and_nothing_reaches_the_other_origin(int status)
    {
        RedirectEverythingTo($"{OtherOrigin}/threads", status);
        using var client = Client();

        var act = () => client.Threads.CreateAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(status);
        ex.Message.Should().Contain(OtherOrigin).And.Contain(ApiUrl).And.Contain("follows no redirects").And.NotContain(ApiKey);
        _elsewhere.LogEntries.Should().BeEmpty();
        _api.LogEntries.Should().ContainSingle("a 3xx is not retried either");
    }

    [Fact]
    public async Task A_run_stream_redirected_to_another_origin_sends_neither_its_body_nor_its_key_there()
    {
        RedirectEverythingTo($"{OtherOrigin}/threads/t1/runs/stream");
        using var client = Client();

        var act = async () =>
        {
            await foreach (var part in client.Runs.StreamAsync("t1", "agent", new RunCreateOptions { Input = new { secret = "body" } }))
            {
                _ = part;
            }
        };

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.Message.Should().Contain(OtherOrigin).And.Contain(ApiUrl);
        _elsewhere.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_same_origin_redirect_is_not_followed_either_and_says_where_it_pointed()
    {
        RedirectEverythingTo($"{ApiUrl}/v2/threads");
        using var client = Client();

        var act = () => client.Threads.CreateAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.Message.Should().Contain($"a redirect to {ApiUrl}/v2/threads").And.Contain("set ApiUrl");
        _api.LogEntries.Should().ContainSingle();
    }

    [Fact]
    public async Task The_client_registered_for_dependency_injection_follows_no_redirect_either()
    {
        RedirectEverythingTo($"{OtherOrigin}/threads");
        var services = new ServiceCollection();
        services.AddLangGraphClient(o =>
        {
            o.ApiUrl = new Uri(ApiUrl);
            o.ApiKey = ApiKey;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<LangGraphClient>();

        var act = () => client.Threads.CreateAsync();

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.Message.Should().Contain(OtherOrigin).And.Contain(ApiUrl);
        _elsewhere.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_caller_HttpClient_that_follows_a_cross_origin_redirect_has_its_answer_refused_with_both_origins()
    {
        RedirectEverythingTo($"{OtherOrigin}/threads");
        using var following = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var client = Client(following);

        var act = () => client.Threads.CreateAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphApiException>();
        ex.Message.Should().Contain(OtherOrigin).And.Contain(ApiUrl).And.Contain("AllowAutoRedirect = false").And.NotContain(ApiKey);
        _elsewhere.LogEntries.Select(e => e.RequestMessage.Path).Should().Equal("/threads");
    }
}

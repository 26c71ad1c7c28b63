using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Delegate;

/// <summary>
/// How the shipped auth-delegate.mjs fails inside the real JS server: closed (503, never allowed) when the endpoint is
/// down, refuses its secret or answers too slowly; a handler's <c>AuthHttpException</c> reaches the client whole.
/// </summary>
public sealed class DelegateFaultTests(DelegateFaultsFixture faults) : IClassFixture<DelegateFaultsFixture>
{
    [Fact]
    public async Task An_endpoint_that_is_down_fails_closed_with_503()
    {
        using var http = new HttpClient();
        using var response = await SendAsync(http, faults.DownServer.Url, HttpMethod.Post, "/threads", "{}");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be("Auth delegate unavailable");

        using var search = await SendAsync(http, faults.DownServer.Url, HttpMethod.Post, "/threads/search", "{}");
        search.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "no route is let through");
    }

    [Fact]
    public async Task A_wrong_secret_fails_closed_with_503()
    {
        using var http = new HttpClient();
        faults.SendWrongSecret = true;
        try
        {
            using var response = await SendAsync(http, faults.Server.Url, HttpMethod.Post, "/threads", "{}");

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync()).Should().Be("Auth delegate unavailable");
        }
        finally
        {
            faults.SendWrongSecret = false;
        }

        using var fine = await SendAsync(http, faults.Server.Url, HttpMethod.Post, "/threads", "{}");
        fine.StatusCode.Should().Be(HttpStatusCode.OK, "with the right secret the same request passes");
    }

    [Fact]
    public async Task A_handlers_AuthHttpException_reaches_the_client_with_its_status_detail_and_headers()
    {
        using var http = new HttpClient();
        using var response = await SendAsync(http, faults.Server.Url, HttpMethod.Get, "/threads/search", null, fault: "teapot");

        ((int)response.StatusCode).Should().Be(418);
        (await response.Content.ReadAsStringAsync()).Should().Be("No coffee here");
        response.Headers.GetValues("Retry-After").Should().Equal("120");
        response.Headers.GetValues("X-Teapot").Should().Equal("short and stout");
    }

    [Fact]
    public async Task A_slow_handler_times_out_and_fails_closed_with_503_and_the_handler_is_cancelled()
    {
        using var http = new HttpClient();
        var before = faults.Handlers.CancelledSlowCalls;
        var watch = Stopwatch.StartNew();
        using var response = await SendAsync(http, faults.Server.Url, HttpMethod.Post, "/threads", "{}", fault: "slow");
        watch.Stop();

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).Should().Be("Auth delegate unavailable");
        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(DelegateFaultsFixture.TimeoutMs - 100))
            .And.BeLessThan(TimeSpan.FromSeconds(15), "the handler waits 30 s; the auth file gives up after its timeout");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (faults.Handlers.CancelledSlowCalls == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        faults.Handlers.CancelledSlowCalls.Should().BeGreaterThan(before, "the closed connection cancels the handler's token");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, Uri server, HttpMethod method, string path, string? json, string? fault = null)
    {
        var request = new HttpRequestMessage(method, new Uri(server, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LangGraphServerFixture.AliceToken);
        if (fault is not null)
        {
            request.Headers.Add(FaultyAuth.FaultHeader, fault);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}

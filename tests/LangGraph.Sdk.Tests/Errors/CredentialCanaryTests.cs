using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace LangGraph.Sdk.Tests.Errors;

/// <summary>
/// Credentials must never reach an exception: unique canaries are planted as the API key, a default Authorization
/// header and a per-call Authorization header, and every kind of failure is triggered with a server that echoes them.
/// </summary>
public class CredentialCanaryTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private readonly string _apiKeyCanary = "apikey-canary-" + Guid.NewGuid().ToString("N");
    private readonly string _defaultTokenCanary = "default-token-canary-" + Guid.NewGuid().ToString("N");
    private readonly string _perCallTokenCanary = "percall-token-canary-" + Guid.NewGuid().ToString("N");

    public static readonly TheoryData<string> ErrorKinds =
    [
        "404-plain-text", "401-echo", "500-json-detail", "invalid-json", "invalid-json-at-preview-boundary",
        "huge-error-body", "stream-401", "stream-invalid-event", "connection-refused", "timeout",
    ];

    private IEnumerable<string> Canaries => [_apiKeyCanary, _defaultTokenCanary, _perCallTokenCanary];

    private string Echo => $"x-api-key={_apiKeyCanary}; Authorization=Bearer {_defaultTokenCanary}; per-call=Bearer {_perCallTokenCanary}";

    private void Respond(int status, string body, string contentType = "text/plain;charset=UTF-8", TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }

        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(response);
    }

    private LangGraphClient Client(string? url = null, TimeSpan? timeout = null)
    {
        Action<LangGraphClientOptions> configure = o =>
        {
            o.ApiKey = _apiKeyCanary;
            o.DefaultHeaders["Authorization"] = $"Bearer {_defaultTokenCanary}";
            o.Retry.MaxRetryAttempts = 1;
            o.Timeout = timeout ?? TimeSpan.FromSeconds(10);
        };
        return url is null ? CreateClient(configure) : TestClients.Create(url, configure);
    }

    private ThreadGetStateOptions PerCall() => new() { Headers = { ["Authorization"] = $"Bearer {_perCallTokenCanary}" } };

    private async Task<Exception> TriggerAsync(string kind)
    {
        var options = PerCall();
        Func<Task> call;
        switch (kind)
        {
            case "404-plain-text":
                Respond(404, $"Thread with ID t1 not found ({Echo})");
                call = () => Client().Threads.GetStateAsync("t1", options);
                break;
            case "401-echo":
                Respond(401, $"Invalid token: {Echo}");
                call = () => Client().Threads.GetStateAsync("t1", options);
                break;
            case "500-json-detail":
                Respond(500, $$$"""{"detail":"crashed while checking {{{Echo}}}","headers":{"authorization":"Bearer {{{_perCallTokenCanary}}}"}}""", "application/json");
                call = () => Client().Threads.GetStateAsync("t1", options);
                break;
            case "invalid-json":
                Respond(200, $"{{\"values\": {Echo} <-- not json", "application/json");
                call = () => Client().Threads.GetStateAsync("t1", options);
                break;
            case "invalid-json-at-preview-boundary":
                // The preview is cut at 200 characters: a secret that straddles the cut must not leak half of it.
                Respond(200, "<" + new string('a', 200 - 1 - 40) + _perCallTokenCanary + " " + _apiKeyCanary, "application/json");
                call = () => Client().Threads.GetStateAsync("t1", options);
                break;
            case "huge-error-body":
                // The error body is cut at 64 K characters: the same holds there.
                Respond(500, new string('b', (64 * 1024) - 40) + _perCallTokenCanary + " " + _defaultTokenCanary);
                call = () => Client().Threads.GetStateAsync("t1", options);
                break;
            case "stream-401":
                Respond(401, $"Invalid token: {Echo}");
                call = async () =>
                {
                    await foreach (var _ in Client().Threads.JoinStreamAsync("t1", new ThreadJoinStreamOptions { Headers = { ["Authorization"] = $"Bearer {_perCallTokenCanary}" } }))
                    {
                    }
                };
                break;
            case "stream-invalid-event":
                Respond(200, $"event: values\ndata: {{\"echo\": {Echo}\n\n", "text/event-stream");
                call = async () =>
                {
                    await foreach (var _ in Client().Threads.JoinStreamAsync("t1", new ThreadJoinStreamOptions { Headers = { ["Authorization"] = $"Bearer {_perCallTokenCanary}" } }))
                    {
                    }
                };
                break;
            case "connection-refused":
                var client = Client(ClosedPort.Url());
                call = async () =>
                {
                    using (client)
                    {
                        await client.Threads.GetStateAsync("t1", options);
                    }
                };
                break;
            case "timeout":
                Respond(200, ServerJson.EmptyState, "application/json", TimeSpan.FromSeconds(3));
                call = () => Client(timeout: TimeSpan.FromMilliseconds(150)).Threads.GetStateAsync("t1", options);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        return (await call.Should().ThrowAsync<LangGraphException>()).Which;
    }

    [Theory]
    [MemberData(nameof(ErrorKinds))]
    public async Task No_credential_appears_in_any_exception(string kind)
    {
        var exception = await TriggerAsync(kind);

        var texts = new List<string> { exception.ToString(), exception.Message };
        if (exception is LangGraphApiException api)
        {
            texts.Add(api.ResponseBody ?? string.Empty);
            texts.Add(api.Detail ?? string.Empty);
        }

        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            texts.Add(inner.Message);
            texts.Add(inner.ToString());
        }

        foreach (var text in texts)
        {
            foreach (var canary in Canaries)
            {
                text.Should().NotContain(canary);
                text.Should().NotContain(canary[..(canary.Length / 2)], "not even part of a secret may leak");
            }
        }
    }

    [Fact]
    public async Task Echoed_credentials_are_masked_not_dropped()
    {
        var exception = (LangGraphApiException)await TriggerAsync("401-echo");

        exception.Detail.Should().Be("Invalid token: x-api-key=***; Authorization=***; per-call=***");
        exception.StatusCode.Should().Be(401);
    }
}

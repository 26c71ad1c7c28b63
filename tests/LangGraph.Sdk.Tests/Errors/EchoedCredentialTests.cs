using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Errors;

/// <summary>
/// Faults #5 and #6: credentials a server echoes into a run's error, or into an error body in a JSON-escaped form,
/// never reach an exception's message, its ToString(), or its payload properties.
/// </summary>
public class EchoedCredentialTests
{
    // + / = are what JSON writers escape (\u002B, \/): the forms that slipped past the redactor.
    private const string ApiKey = "lgk+secret/abc=";
    private const string Token = "tok+en/xyz==";

    private static readonly string[] Forms =
    [
        ApiKey, "lgk\\u002Bsecret\\/abc\\u003D", "lgk\\u002bsecret/abc\\u003d", "lgk+secret\\/abc=",
        Token, "tok\\u002Ben\\/xyz\\u003D\\u003D",
    ];

    private static LangGraphClient Client(StubHttpHandler handler) =>
        TestClients.Create("http://server", o => o.ApiKey = ApiKey, httpClient: new HttpClient(handler));

    private static ThreadGetOptions WithToken() => new() { Headers = { ["Authorization"] = "Bearer " + Token } };

    private static void ShouldHideEveryForm(string text)
    {
        foreach (var form in Forms)
        {
            text.Should().NotContain(form);
        }

        text.Should().Contain("***");
    }

    [Fact]
    public async Task Faults5_an_error_event_that_echoes_credentials_raises_a_run_exception_without_them()
    {
        var sse = "event: metadata\ndata: {\"run_id\":\"r1\"}\nid: 0\n\n"
            + $"event: error\ndata: {{\"error\":\"AuthError\",\"message\":\"key {ApiKey} token lgk\\u002Bsecret\\/abc\\u003D bearer {Token}\"}}\nid: 1\n\n";
        var handler = new StubHttpHandler(StubHttpHandler.Sse(sse, contentLocation: "/threads/t1/runs/r1"));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = async () =>
        {
            await foreach (var part in client.Runs.StreamAsync("t1", "agent", new RunCreateOptions { Headers = { ["Authorization"] = "Bearer " + Token } }))
            {
                parts.Add(part);
            }
        };

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ShouldHideEveryForm(ex.Message);
        ShouldHideEveryForm(ex.ToString());
        ShouldHideEveryForm(ex.ErrorMessage);
        ShouldHideEveryForm(ex.Error.GetRawText());
        ShouldHideEveryForm(parts[^1].Data.GetRawText());
        ex.ErrorName.Should().Be("AuthError");
        parts[^1].TryGetError(out var fromPart).Should().BeTrue();
        ShouldHideEveryForm(fromPart!.Message);
    }

    [Fact]
    public async Task Faults5_a_waited_runs_error_that_echoes_credentials_in_the_JS_double_wrapping_is_masked()
    {
        // The JS server wraps the graph's error twice: the inner JSON is a string, so the key is escaped twice in the raw body.
        var inner = $"{{\\\"error\\\":\\\"CustomError\\\",\\\"message\\\":\\\"echo lgk\\\\u002Bsecret\\\\/abc= and {Token}\\\"}}";
        var handler = new StubHttpHandler(StubHttpHandler.Json($"{{\"__error__\":{{\"error\":\"Error\",\"message\":\"{inner}\"}}}}"));
        using var client = Client(handler);

        var act = () => client.Runs.WaitAsync("t1", "agent", new RunCreateOptions { Headers = { ["Authorization"] = "Bearer " + Token } });

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ex.ErrorName.Should().Be("CustomError");
        ShouldHideEveryForm(ex.Message);
        ShouldHideEveryForm(ex.ToString());
        ShouldHideEveryForm(ex.Error.GetRawText());
    }

    [Fact]
    public async Task Faults5_a_joined_runs_error_is_masked_too()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Json($"{{\"__error__\":{{\"error\":\"Boom\",\"message\":\"{ApiKey}\"}}}}"));
        using var client = Client(handler);

        var act = () => client.Runs.JoinAsync("t1", "r1");

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ShouldHideEveryForm(ex.Message);
        ex.ErrorMessage.Should().Be("***");
    }

    [Theory]
    [InlineData("{\"detail\":\"bad key lgk\\u002Bsecret\\/abc\\u003D\"}")]
    [InlineData("{\"detail\":\"bad key lgk\\u002bsecret/abc\\u003d\"}")]
    [InlineData("{\"error\":{\"message\":\"bad key lgk+secret\\/abc=\"}}")]
    [InlineData("{\"message\":\"bad key \\u006c\\u0067\\u006b\\u002B\\u0073ecret/abc=\"}")]
    public async Task Faults6_a_JSON_escaped_key_in_an_error_body_is_masked_in_the_body_and_after_parsing(string body)
    {
        var handler = new StubHttpHandler(StubHttpHandler.Json(body, HttpStatusCode.BadRequest));
        using var client = Client(handler);

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ShouldHideEveryForm(ex.Message);
        ShouldHideEveryForm(ex.ToString());
        ShouldHideEveryForm(ex.Detail!);
        ShouldHideEveryForm(ex.ResponseBody!);
        ex.ResponseBody.Should().NotContain("\\u0073ecret", "a key hidden behind escaped letters is masked too");
    }

    [Fact]
    public async Task Faults6_an_escaped_per_call_bearer_token_is_masked()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Json("{\"detail\":\"token tok\\u002Ben\\/xyz\\u003D\\u003D rejected\"}", HttpStatusCode.Unauthorized));
        using var client = Client(handler);

        var act = () => client.Threads.GetAsync("t1", options: WithToken());

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ShouldHideEveryForm(ex.Message);
        ex.Detail.Should().Be("token *** rejected");
        handler.Seen.Should().ContainSingle().Which.Header("Authorization").Should().Be("Bearer " + Token);
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Errors;

public class ErrorResponseTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(422)]
    [InlineData(500)]
    public async Task Other_statuses_are_LangGraphApiException(int status)
    {
        RespondToAll(status, "nope", "text/plain;charset=UTF-8");
        var client = CreateClient(o => o.Retry.Enabled = false);

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.GetType().Should().Be<LangGraphApiException>();
        ex.StatusCode.Should().Be(status);
    }

    [Fact]
    public async Task A_404_is_LangGraphNotFoundException_with_every_property()
    {
        RespondToAll(404, "Thread with ID t1 not found", "text/plain;charset=UTF-8", new Dictionary<string, string> { ["x-request-id"] = "req-42" });
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.StatusCode.Should().Be(404);
        ex.ResponseBody.Should().Be("Thread with ID t1 not found");
        ex.Detail.Should().Be("Thread with ID t1 not found");
        ex.RequestId.Should().Be("req-42");
        ex.Message.Should().Contain("404").And.Contain($"GET {Url}/threads/t1").And.Contain("Thread with ID t1 not found").And.Contain("req-42");
    }

    [Fact]
    public async Task A_409_is_LangGraphConflictException()
    {
        RespondToAll(409, "Thread already exists", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.CreateAsync(new ThreadCreateOptions { ThreadId = "t1" });

        var ex = (await act.Should().ThrowAsync<LangGraphConflictException>()).Which;
        ex.StatusCode.Should().Be(409);
        ex.Message.Should().Contain("Thread already exists").And.Contain("POST");
    }

    [Fact]
    public async Task The_JS_servers_401_plain_text_is_the_detail()
    {
        RespondToAll(401, "Missing credentials", "text/plain;charset=UTF-8", new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" });
        var client = CreateClient();

        var act = () => client.Threads.SearchAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(401);
        ex.Detail.Should().Be("Missing credentials");
        ex.Message.Should().EndWith(": Missing credentials");
    }

    [Fact]
    public async Task A_ZodError_body_is_kept_whole_as_the_detail()
    {
        RespondToAll(400, ServerJson.ZodError);
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("not-a-uuid");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(400);
        ex.Detail.Should().Contain("Invalid uuid").And.Contain("ZodError");
        ex.ResponseBody.Should().Be(ServerJson.ZodError);
        ex.Message.Should().Contain("Invalid uuid");
    }

    [Theory]
    [InlineData("""{"detail":"Assistant not found"}""", "Assistant not found")]
    [InlineData("""{"message":"Bad things"}""", "Bad things")]
    [InlineData("""{"error":"CustomError"}""", "CustomError")]
    [InlineData("""{"error":{"message":"Nested failure"}}""", "Nested failure")]
    public async Task Json_error_bodies_give_their_detail(string body, string detail)
    {
        RespondToAll(422, body);
        var client = CreateClient();

        var act = () => client.Threads.CountAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.Detail.Should().Be(detail);
        ex.ResponseBody.Should().Be(body);
        ex.Message.Should().Contain(detail);
    }

    [Fact]
    public async Task An_empty_error_body_falls_back_to_the_reason_phrase()
    {
        RespondToAll(404, body: null);
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.Detail.Should().BeNull();
        ex.ResponseBody.Should().BeNull();
        ex.Message.Should().EndWith(": Not Found");
    }

    [Fact]
    public async Task The_empty_404_of_runs_wait_for_another_user_has_no_detail_but_a_clear_message()
    {
        RespondToAll(404, body: "", contentType: "text/plain");
        var client = CreateClient();

        var act = () => client.Threads.CopyAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.ResponseBody.Should().BeNull();
        ex.Message.Should().Contain("HTTP 404").And.Contain("/threads/t1/copy");
    }

    [Fact]
    public async Task Query_parameters_appear_in_the_url_of_the_message()
    {
        RespondToAll(500, "boom", "text/plain");
        var client = CreateClient(o => o.Retry.Enabled = false);

        var act = () => client.Threads.GetStateAsync("t1", new ThreadGetStateOptions { Subgraphs = true });

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.Message.Should().Contain($"GET {Url}/threads/t1/state?subgraphs=true");
    }
}

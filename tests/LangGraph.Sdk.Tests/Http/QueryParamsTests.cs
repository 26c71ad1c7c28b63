using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Http;

public class QueryParamsTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task Per_call_query_parameters_are_appended_to_the_method_query()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions { QueryParams = { ["extra"] = "1" } });

        SingleRequest().RawQuery.Should().Be("?subgraphs=false&extra=1");
    }

    [Fact]
    public async Task Per_call_query_parameters_override_the_method_query()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions { Subgraphs = false, QueryParams = { ["subgraphs"] = true } });

        SingleRequest().RawQuery.Should().Be("?subgraphs=true");
    }

    [Fact]
    public async Task Per_call_query_parameters_go_on_POST_requests_too()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.SearchAsync(new ThreadSearchOptions { QueryParams = { ["trace"] = false, ["empty"] = null } });

        var request = SingleRequest();
        request.RawQuery.Should().Be("?trace=false&empty=");
        JsonAssert.Equal("""{"limit":10,"offset":0}""", request.Body);
    }

    [Fact]
    public async Task A_list_parameter_repeats_the_key_and_replaces_the_method_list()
    {
        RespondToAll(body: "", contentType: "text/event-stream");
        var client = CreateClient();

        await foreach (var _ in client.Threads.JoinStreamAsync("t1", new ThreadJoinStreamOptions { QueryParams = { ["stream_mode"] = new[] { "lifecycle", "state_update" } } }))
        {
        }

        SingleRequest().RawQuery.Should().Be("?stream_mode=lifecycle&stream_mode=state_update");
    }

    [Fact]
    public async Task Query_values_are_escaped()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.GetAsync("t1", new ThreadGetOptions { QueryParams = { ["q a"] = "x&y=z é" } });

        SingleRequest().RawQuery.Should().Be("?q%20a=x%26y%3Dz%20%C3%A9");
    }

    [Fact]
    public async Task Numbers_are_formatted_invariantly()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.GetAsync("t1", new ThreadGetOptions { QueryParams = { ["n"] = 1.5, ["i"] = 10 } });

        SingleRequest().RawQuery.Should().Be("?n=1.5&i=10");
    }
}

using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Errors;

/// <summary>Successful statuses whose body cannot become the expected model.</summary>
public class ResponseBodyErrorTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task Invalid_json_is_a_LangGraphException_with_the_url_and_a_preview()
    {
        RespondToAll(body: "<html>proxy error</html>", contentType: "text/html");
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphApiException>();
        ex.Message.Should().Contain($"GET {Url}/threads/t1").And.Contain("LangGraphThread").And.Contain("<html>proxy error</html>");
        ex.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_a_LangGraphException()
    {
        RespondToAll(body: "[1,2,3]");
        var client = CreateClient();

        var act = () => client.Threads.GetStateAsync("t1");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("/threads/t1/state").And.Contain("ThreadState");
    }

    [Fact]
    public async Task A_long_invalid_body_is_previewed_shortly()
    {
        RespondToAll(body: "x" + new string('y', 5000), contentType: "text/plain");
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("…");
        ex.Message.Length.Should().BeLessThan(1000);
    }

    [Fact]
    public async Task An_empty_200_body_where_a_thread_is_expected_is_a_LangGraphException()
    {
        RespondToAll(body: "");
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphApiException>();
        ex.Message.Should().Contain("empty").And.Contain($"GET {Url}/threads/t1").And.Contain("LangGraphThread");
    }

    [Fact]
    public async Task A_whitespace_only_body_counts_as_empty()
    {
        RespondToAll(body: " \r\n\t ");
        var client = CreateClient();

        var act = () => client.Threads.CreateAsync();

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("empty");
    }

    [Fact]
    public async Task A_json_null_where_a_thread_is_expected_is_a_LangGraphException()
    {
        RespondToAll(body: "null");
        var client = CreateClient();

        var act = () => client.Threads.CopyAsync("t1");

        await act.Should().ThrowAsync<LangGraphException>();
    }

    [Fact]
    public async Task A_204_where_a_thread_is_expected_is_a_LangGraphException()
    {
        RespondToAll(204, body: null);
        var client = CreateClient();

        var act = () => client.Threads.GetAsync("t1");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("empty");
    }

    [Fact]
    public async Task An_empty_body_where_a_list_is_expected_is_a_LangGraphException()
    {
        RespondToAll(body: "");
        var client = CreateClient();

        var act = () => client.Threads.SearchAsync();

        await act.Should().ThrowAsync<LangGraphException>();
    }

    [Fact]
    public async Task A_non_number_count_is_a_LangGraphException()
    {
        RespondToAll(body: "\"three\"");
        var client = CreateClient();

        var act = () => client.Threads.CountAsync();

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("/threads/count");
    }
}

using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsDeleteTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task DeleteAsync_sends_DELETE_without_body_and_accepts_204()
    {
        RespondToAll(204, body: null);
        var client = CreateClient();

        await client.Threads.DeleteAsync("t1");

        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/threads/t1");
        request.RawQuery.Should().BeNullOrEmpty();
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().BeNull();
    }

    [Fact]
    public async Task DeleteAsync_ignores_a_response_body()
    {
        RespondToAll(200, """{"ok":true}""");
        var client = CreateClient();

        var act = () => client.Threads.DeleteAsync("t1");

        await act.Should().NotThrowAsync();
    }

    [Fact]
    public async Task DeleteAsync_of_a_missing_thread_throws_not_found()
    {
        RespondToAll(404, "Thread with ID t1 not found", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.DeleteAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.Detail.Should().Be("Thread with ID t1 not found");
        Requests().Should().HaveCount(1, "404 is never retried, even for an idempotent DELETE");
    }
}

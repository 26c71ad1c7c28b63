using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsCopyTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task CopyAsync_posts_to_copy_without_a_body_and_returns_the_new_thread()
    {
        RespondToAll(body: """
            {"thread_id":"new-id","created_at":"2025-10-01T12:00:00Z","updated_at":"2025-10-01T12:00:00Z","metadata":{"purpose":"t1","owner":"alice","thread_id":"new-id"},"config":{},"status":"idle"}
            """);
        var client = CreateClient();

        var copy = await client.Threads.CopyAsync("t1");

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/copy");
        request.RawQuery.Should().BeNullOrEmpty();
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().BeNull();
        copy.ThreadId.Should().Be("new-id");
        copy.Metadata["thread_id"].GetString().Should().Be("new-id");
    }

    [Fact]
    public async Task CopyAsync_of_another_users_thread_throws_conflict()
    {
        // The JS server answers 409 "Thread not found" here.
        RespondToAll(409, "Thread not found", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.CopyAsync("t1", new ThreadCopyOptions());

        (await act.Should().ThrowAsync<LangGraphConflictException>()).Which.Detail.Should().Be("Thread not found");
    }
}

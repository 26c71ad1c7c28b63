using System;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsGetTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task GetAsync_sends_GET_to_the_thread_path_without_query_or_body()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.GetAsync("t1");

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1");
        request.RawQuery.Should().BeNullOrEmpty();
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().BeNull();
    }

    [Fact]
    public async Task GetAsync_sends_include_comma_joined()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.GetAsync("t1", new ThreadGetOptions { Include = { "ttl", "other" } });

        var request = SingleRequest();
        request.RawQuery.Should().Be("?include=ttl%2Cother");
        request.Query!["include"].Should().Equal("ttl,other");
    }

    [Fact]
    public async Task GetAsync_with_an_empty_include_list_sends_no_query()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.GetAsync("t1", new ThreadGetOptions());

        SingleRequest().RawQuery.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task GetAsync_returns_the_deserialized_thread()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        var thread = await client.Threads.GetAsync(ServerJson.ThreadId);

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        thread.CreatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 0, 0, 123, TimeSpan.Zero));
        thread.UpdatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 0, 1, 456, TimeSpan.Zero));
        thread.Status.Should().Be(ThreadStatus.Idle);
        thread.Metadata.Should().ContainKeys("purpose", "owner");
        thread.Metadata["owner"].GetString().Should().Be("alice");
        thread.Values.Should().BeNull();
        thread.Interrupts.Should().BeNull();
        thread.Config!.Value.GetRawText().Should().Be("{}");
    }

    [Fact]
    public async Task GetAsync_of_a_missing_thread_throws_not_found_with_the_plain_text_detail()
    {
        RespondToAll(404, $"Thread with ID {ServerJson.ThreadId} not found", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.GetAsync(ServerJson.ThreadId);

        var ex = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.StatusCode.Should().Be(404);
        ex.Detail.Should().Be($"Thread with ID {ServerJson.ThreadId} not found");
        ex.Message.Should().Contain($"Thread with ID {ServerJson.ThreadId} not found");
    }
}

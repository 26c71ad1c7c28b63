using System;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsPruneTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task PruneAsync_sends_thread_ids_without_the_default_delete_strategy()
    {
        RespondToAll(body: """{"pruned_count":2}""");
        var client = CreateClient();

        var result = await client.Threads.PruneAsync(["t1", "t2"]);

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/prune");
        JsonAssert.Equal("""{"thread_ids":["t1","t2"]}""", request.Body);
        result.PrunedCount.Should().Be(2);
    }

    [Fact]
    public async Task PruneAsync_with_an_explicit_delete_strategy_still_omits_it()
    {
        RespondToAll(body: """{"pruned_count":1}""");
        var client = CreateClient();

        await client.Threads.PruneAsync(["t1"], new ThreadPruneOptions { Strategy = PruneStrategy.Delete });

        JsonAssert.Equal("""{"thread_ids":["t1"]}""", SingleRequest().Body);
    }

    [Fact]
    public async Task PruneAsync_sends_keep_latest()
    {
        RespondToAll(body: """{"pruned_count":1}""");
        var client = CreateClient();

        await client.Threads.PruneAsync(["t1"], new ThreadPruneOptions { Strategy = PruneStrategy.KeepLatest });

        JsonAssert.Equal("""{"thread_ids":["t1"],"strategy":"keep_latest"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task PruneAsync_with_no_ids_sends_an_empty_list()
    {
        RespondToAll(body: """{"pruned_count":0}""");
        var client = CreateClient();

        var result = await client.Threads.PruneAsync([]);

        JsonAssert.Equal("""{"thread_ids":[]}""", SingleRequest().Body);
        result.PrunedCount.Should().Be(0);
    }

    [Fact]
    public async Task PruneAsync_requires_thread_ids()
    {
        var client = CreateClient();

        var act = () => client.Threads.PruneAsync(null!);

        await act.Should().ThrowAsync<ArgumentNullException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task PruneAsync_on_the_JS_server_gets_its_plain_text_404()
    {
        RespondToAll(404, "404 Not Found", "text/plain; charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.PruneAsync(["t1"]);

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("404 Not Found");
    }
}

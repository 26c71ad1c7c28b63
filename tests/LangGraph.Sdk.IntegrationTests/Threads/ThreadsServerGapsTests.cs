using System;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Threads;

/// <summary>
/// Routes the JS dev server does not implement (prune, thread join stream): the client must surface its answer as a
/// clear typed exception. The unit tests cover these routes' requests and responses with WireMock.Net.
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ThreadsServerGapsTests(LangGraphServerFixture server)
{
    [Fact]
    public async Task Prune_is_not_implemented_by_the_js_server()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var act = () => alice.Threads.PruneAsync([thread.ThreadId]);

        var ex = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        ex.Detail.Should().Be("404 Not Found");
        ex.Message.Should().Contain("POST").And.Contain("/threads/prune");
    }

    [Fact]
    public async Task Thread_join_stream_is_not_implemented_by_the_js_server()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var act = async () =>
        {
            await foreach (var part in alice.Threads.JoinStreamAsync(thread.ThreadId))
            {
                throw new InvalidOperationException($"Unexpected event {part.Event}");
            }
        };

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Message.Should().Contain("/stream");
    }
}

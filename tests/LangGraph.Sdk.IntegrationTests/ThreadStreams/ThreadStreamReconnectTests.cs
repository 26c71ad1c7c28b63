using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.IntegrationTests.Faults;

namespace LangGraph.Sdk.IntegrationTests.ThreadStreams;

/// <summary>
/// The SSE transport's resume on the real server, through the fault proxy: the event connection is cut three ways during a
/// run, and every reconnect asks for the events after the last one received (<c>since</c>), so the run arrives whole, once.
/// (The WebSocket transport's drop behaviour is tested with the proxy's tunnel mode, by the WebSocket tests.)
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ThreadStreamReconnectTests(LangGraphServerFixture server)
{
    [Fact]
    public async Task A_dropped_event_stream_is_resumed_with_since_and_no_event_is_lost_or_repeated()
    {
        await using var proxy = new FaultProxy(server.Url);
        var threadId = Guid.NewGuid().ToString();
        proxy.Register(threadId, new FaultPlan(
            PostFault.None,
            addLocation: false,
            [new StreamFault.Drop(4, DropMode.Reset), new StreamFault.Drop(3, DropMode.HalfEvent), new StreamFault.Drop(2, DropMode.CleanEnd)],
            [],
            delayMs: 0));
        using var alice = server.CreateClient(configure: o => o.ApiUrl = proxy.Url);
        await using var thread = alice.Threads.Stream(threadId, new ThreadStreamOptions { AssistantId = "slow" });

        await thread.StartRunAsync(new Dictionary<string, object?> { ["messages"] = new[] { "x" } }, new ThreadRunStartOptions { Config = new RunConfig { Configurable = { ["delay_ms"] = 150 } } });
        var values = await thread.Values.ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        var events = await thread.Events.TakeWhile(e => !(e.IsRoot && e.Method == "lifecycle" && e.Data.GetProperty("event").GetString() == "completed")).ToListAsync();

        values.Should().HaveCount(5, "the input and four steps, none lost, none twice");
        values[^1].GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("x", "step 1", "step 2", "step 3", "step 4");
        events.Select(e => e.Seq).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        events.Count(e => e.Method == "lifecycle" && e.IsRoot).Should().Be(1, "one root 'running' before the terminal event");
        proxy.Forwarded(threadId, "POST", "/threads/{id}/stream/events").Should().BeGreaterThanOrEqualTo(4, "the first connection and three reconnects");
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.IntegrationTests.Faults;

namespace LangGraph.Sdk.IntegrationTests.ThreadStreams;

/// <summary>
/// The WebSocket transport's reconnect on the real server, through the fault proxy's WebSocket tunnel: the socket is
/// dropped (a TCP reset both ways) between runs or in the middle of one. The 1.5.1 server forgets a thread's events,
/// run session and sequence numbers when its WebSocket closes, so a drop between runs loses nothing and the next run
/// streams whole, while a drop mid-run loses the rest of that run: its readers fail with a
/// <see cref="ThreadStreamGapException"/> (never a silent loss) and the stream goes on with the next run. Every upgrade,
/// the reconnects too, carries the client's credentials.
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class WebSocketReconnectTests(LangGraphServerFixture server)
{
    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private static ThreadStreamOptions WebSocket(string assistant) => new() { AssistantId = assistant, Transport = ThreadStreamTransport.WebSocket };

    private static ThreadRunStartOptions Delay(int ms) => new() { Config = new RunConfig { Configurable = { ["delay_ms"] = ms } } };

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task A_socket_dropped_between_runs_is_reopened_with_the_same_credentials_and_the_next_run_streams_whole()
    {
        await using var proxy = new FaultProxy(server.Url);
        using var alice = server.CreateClient(configure: o => o.ApiUrl = proxy.Url);
        await using var thread = alice.Threads.Stream(null, WebSocket("echo"));

        await thread.StartRunAsync(Messages("one"));
        Strings((await thread.GetOutputAsync()).GetProperty("messages")).Should().Equal("one", "echo: one");
        proxy.DropWebSockets(thread.ThreadId).Should().Be(1);
        await WaitForAsync(() => proxy.WebSocketUpgrades(thread.ThreadId).Count == 2, "the transport reconnects");

        await thread.StartRunAsync(Messages("two"));
        var values = await thread.Values.ToListAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));
        var output = await thread.GetOutputAsync();

        values.Select(v => Strings(v.GetProperty("messages"))).Should().BeEquivalentTo(
            new[] { new[] { "one", "echo: one", "two" }, new[] { "one", "echo: one", "two", "echo: two" } },
            o => o.WithStrictOrdering(),
            "the second run's values, none lost, none twice, though the server counts its events from 1 again");
        Strings(output.GetProperty("messages")).Should().Equal("one", "echo: one", "two", "echo: two");
        output.GetProperty("auth_user_id").GetString().Should().Be("alice");
        proxy.WebSocketUpgrades(thread.ThreadId).Should().HaveCount(2)
            .And.OnlyContain(u => u.Header("Authorization") == $"Bearer {LangGraphServerFixture.AliceToken}");
    }

    [Fact]
    public async Task A_socket_dropped_mid_run_fails_that_runs_readers_with_a_gap_and_the_stream_goes_on_with_the_next_run()
    {
        await using var proxy = new FaultProxy(server.Url);
        using var alice = server.CreateClient(configure: o => o.ApiUrl = proxy.Url);
        await using var thread = alice.Threads.Stream(null, WebSocket("slow"));

        await thread.StartRunAsync(Messages("x"), Delay(400));
        var seen = new List<JsonElement>();
        var read = async () =>
        {
            await foreach (var v in thread.Values)
            {
                seen.Add(v);
                if (seen.Count == 2)
                {
                    proxy.DropWebSockets(thread.ThreadId).Should().Be(1); // after step 1, 1.2 s before the run ends
                }
            }
        };

        var gap = (await read.Should().ThrowAsync<ThreadStreamGapException>().WaitAsync(TimeSpan.FromSeconds(60))).Which;
        gap.ThreadId.Should().Be(thread.ThreadId);
        gap.LastSeq.Should().BeGreaterThan(0);
        gap.Message.Should().Contain("1.5.1").And.Contain("ThreadStreamTransport.Sse");
        seen.Should().HaveCountLessThan(5, "the values after the drop are lost with the server's record of the thread");
        await WaitForAsync(() => proxy.WebSocketUpgrades(thread.ThreadId).Count >= 2, "the transport reconnects after the gap");

        // The lost run went on on the server; the next run (queued behind it) streams whole on the new socket.
        await thread.StartRunAsync(Messages("y"), Delay(0));
        var output = await thread.GetOutputAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Strings(output.GetProperty("messages")).Should().Equal("x", "step 1", "step 2", "step 3", "step 4", "y", "step 1", "step 2", "step 3", "step 4");
    }

    [Fact]
    public async Task A_socket_dropped_after_a_set_number_of_messages_before_the_runs_first_event_is_a_gap_too()
    {
        await using var proxy = new FaultProxy(server.Url);
        using var alice = server.CreateClient(configure: o => o.ApiUrl = proxy.Url);
        await using var thread = alice.Threads.Stream(null, WebSocket("slow"));

        // One message goes through, the subscribe's reply (the server answers it once the run starts, before the run's
        // events); the socket is dropped instead of the run's first event.
        proxy.RegisterWebSocketDrops(thread.ThreadId, 1);
        await thread.StartRunAsync(Messages("x"), Delay(100));

        var gap = (await FluentActions.Awaiting(() => thread.Values.ToListAsync().AsTask()).Should().ThrowAsync<ThreadStreamGapException>().WaitAsync(TimeSpan.FromSeconds(60))).Which;
        gap.LastSeq.Should().Be(0, "no event arrived before the drop");
        await WaitForAsync(() => proxy.WebSocketUpgrades(thread.ThreadId).Count >= 2, "the transport reconnects after the gap");

        await thread.StartRunAsync(Messages("y"), Delay(0));
        var output = await thread.GetOutputAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Strings(output.GetProperty("messages")).Should().EndWith(["y", "step 1", "step 2", "step 3", "step 4"]);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline, what);
            await Task.Delay(20);
        }
    }
}

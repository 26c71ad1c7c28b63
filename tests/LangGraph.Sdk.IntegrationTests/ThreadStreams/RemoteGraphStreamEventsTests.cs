using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.ThreadStreams;

/// <summary><see cref="RemoteGraph.StreamEventsAsync"/> (Python's <c>stream_events(version="v3")</c>) on the real server, over both transports.</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class RemoteGraphStreamEventsTests(LangGraphServerFixture server)
{
    public static TheoryData<ThreadStreamTransport> Transports => new() { ThreadStreamTransport.Sse, ThreadStreamTransport.WebSocket };

    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private RemoteGraph Graph(string assistantId) => new(assistantId, new RemoteGraphOptions
    {
        Url = server.Url,
        Headers = { ["Authorization"] = $"Bearer {LangGraphServerFixture.AliceToken}" },
        ReadApiKeyFromEnvironment = false,
    });

    private static string State(ThreadEvent e) => e.Data.GetProperty("event").GetString()!;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_events_of_a_run_end_with_its_root_lifecycle_and_the_thread_of_the_config_is_reused(ThreadStreamTransport transport)
    {
        using var graph = Graph("echo");
        var threadId = Guid.NewGuid().ToString();
        var config = new RunConfig { Configurable = { ["thread_id"] = threadId } };
        var options = new RemoteGraphStreamEventsOptions { Transport = transport };

        var first = await graph.StreamEventsAsync(Messages("one"), config, options).ToListAsync();
        var second = await graph.StreamEventsAsync(Messages("two"), config, options).ToListAsync();

        State(first[0]).Should().Be("running");
        first[^1].Method.Should().Be("lifecycle");
        State(first[^1]).Should().Be("completed");
        first.Select(e => e.Method).Should().Contain(["values", "updates", "checkpoints", "tasks"]);
        second.Last(e => e.Method == "values").Data.GetProperty("messages").EnumerateArray().Select(m => m.GetString())
            .Should().Equal("one", "echo: one", "two", "echo: two");
        (await graph.Client.Threads.GetAsync(threadId)).ThreadId.Should().Be(threadId);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_chat_run_streams_its_message_and_tool_events_with_their_namespaces(ThreadStreamTransport transport)
    {
        using var graph = Graph("chat");

        var events = await graph.StreamEventsAsync(
            new Dictionary<string, object?> { ["messages"] = new[] { new Dictionary<string, object?> { ["type"] = "human", ["content"] = "weather?" } } },
            options: new RemoteGraphStreamEventsOptions { Transport = transport }).ToListAsync();

        var tokens = events.Where(e => e.Method == "messages" && e.Data.GetProperty("event").GetString() == "content-block-delta"
            && e.Data.GetProperty("delta").GetProperty("type").GetString() == "text-delta")
            .Select(e => e.Data.GetProperty("delta").GetProperty("text").GetString());
        tokens.Should().Equal("It", " is", " sunny", ".");
        events.Where(e => e.Method == "tools").Should().OnlyContain(e => e.Namespace.Single().StartsWith("tools:", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_interrupted_run_is_resumed_with_a_command_on_the_same_thread(ThreadStreamTransport transport)
    {
        using var graph = Graph("interrupt");
        var config = new RunConfig { Configurable = { ["thread_id"] = Guid.NewGuid().ToString() } };
        var options = new RemoteGraphStreamEventsOptions { Transport = transport };

        var first = await graph.StreamEventsAsync(Messages("start"), config, options).ToListAsync();
        var resumed = await graph.StreamEventsAsync(new RunCommand { Resume = "yes" }, config, options).ToListAsync();

        first.Single(e => e.Method == "input.requested").Data.GetProperty("payload").GetProperty("question").GetString().Should().Be("approve?");
        State(first[^1]).Should().Be("interrupted");
        resumed.Last(e => e.Method == "values").Data.GetProperty("answer").GetString().Should().Be("yes");
        State(resumed[^1]).Should().Be("completed");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_failed_run_raises_the_graph_error_after_its_failed_event(ThreadStreamTransport transport)
    {
        using var graph = Graph("failing");
        var seen = new List<ThreadEvent>();

        var act = async () =>
        {
            await foreach (var e in graph.StreamEventsAsync(Messages("x"), options: new RemoteGraphStreamEventsOptions { Transport = transport }))
            {
                seen.Add(e);
            }
        };

        var ex = (await act.Should().ThrowAsync<RemoteGraphException>()).Which;
        ex.ErrorName.Should().Be("CustomError");
        ex.ErrorMessage.Should().Be("Boo!");
        State(seen[^1]).Should().Be("failed");
    }

    [Fact]
    public void A_command_with_an_update_is_refused_because_run_start_cannot_carry_it()
    {
        using var graph = Graph("echo");

        var act = () => graph.StreamEventsAsync(new RunCommand { Update = new Dictionary<string, object?> { ["a"] = 1 } });

        act.Should().Throw<ArgumentException>().WithMessage("*Resume only*");
    }
}

using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.ThreadStreams;

public class ThreadStreamSseTests
{
    private const string Url = "http://lg.test";
    private const string ThreadId = "5f1c2a9e-0000-7000-8000-000000000001";

    private static string[] EchoRun(long from = 1) =>
    [
        ProtocolEvents.Lifecycle(from, "running"),
        ProtocolEvents.Values(from + 2, """{"messages":["hi"]}"""),
        ProtocolEvents.Values(from + 7, """{"messages":["hi","echo: hi"]}"""),
        ProtocolEvents.Lifecycle(from + 8, "completed"),
    ];

    private static LangGraphClient Client(StubHttpHandler handler, Action<LangGraphClientOptions>? configure = null) =>
        TestClients.Create(Url, o =>
        {
            o.ApiKey = "lsv2-secret-key";
            o.UserAgent = "tests/1";
            configure?.Invoke(o);
        }, httpClient: new HttpClient(handler));

    private static ThreadStreamOptions Options(string assistant = "echo")
    {
        var options = new ThreadStreamOptions { AssistantId = assistant };
        options.Headers["Authorization"] = "Bearer alice-token";
        return options;
    }

    [Fact]
    public async Task A_minted_thread_opens_the_events_then_starts_the_run_and_projects_values_and_output()
    {
        var handler = new ThreadStreamScript().Reply("run.start", """{"run_id":"r1"}""", 0).Events(EchoRun(), hang: true).Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options());

        var started = await thread.StartRunAsync(JsonDocument.Parse("""{"messages":["hi"]}""").RootElement);
        var values = await thread.Values.ToListAsync();
        var output = await thread.GetOutputAsync();

        Guid.TryParse(thread.ThreadId, out var id).Should().BeTrue();
        id.ToString("D")[14].Should().Be('7', "a minted thread id is a UUID v7");
        started.RunId.Should().Be("r1");
        thread.CurrentRunId.Should().Be("r1");
        values.Select(v => v.GetProperty("messages").GetArrayLength()).Should().Equal(1, 2);
        output.GetProperty("messages")[1].GetString().Should().Be("echo: hi");
        var seen = handler.Seen;
        seen.Select(r => r.Line).Should().BeEquivalentTo([$"POST /threads/{thread.ThreadId}/stream/events", $"POST /threads/{thread.ThreadId}/commands"]);
        seen.Single(r => r.Path.EndsWith("/stream/events", StringComparison.Ordinal)).Body
            .Should().Be("""{"channels":["values","updates","messages","tools","lifecycle","checkpoints","tasks","custom","input"]}""", "a minted thread starts at 0: no since, no state.get");
        seen.Single(r => r.Path.EndsWith("/commands", StringComparison.Ordinal)).Body
            .Should().Be("""{"id":1,"method":"run.start","params":{"assistant_id":"echo","input":{"messages":["hi"]}}}""");
    }

    [Fact]
    public async Task An_existing_thread_asks_its_position_first_so_earlier_runs_are_not_replayed()
    {
        var handler = new ThreadStreamScript()
            .Reply("state.get", """{"values":{},"checkpoint":{"id":"c","ns":""}}""", 9)
            .Reply("run.start", """{"run_id":"r2"}""")
            .Events(EchoRun(10), hang: true)
            .Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(ThreadId, Options());

        await thread.StartRunAsync(null);
        await thread.GetOutputAsync();

        var seen = handler.Seen;
        seen[0].Body.Should().Be("""{"id":1,"method":"state.get","params":{}}""");
        seen.Single(r => r.Path.EndsWith("/stream/events", StringComparison.Ordinal)).Body.Should().EndWith(",\"since\":9}");
        seen.Last(r => r.Path.EndsWith("/commands", StringComparison.Ordinal)).Body.Should().Be("""{"id":2,"method":"run.start","params":{"assistant_id":"echo"}}""");
        thread.LastSeq.Should().Be(18);
    }

    [Fact]
    public async Task A_dropped_event_stream_is_resumed_with_since_and_nothing_is_lost_or_repeated_with_the_headers_on_every_request()
    {
        var run = EchoRun();
        var handler = new ThreadStreamScript()
            .Reply("run.start", """{"run_id":"r1"}""")
            .Events(run[..2], drop: true)
            .Events(run[1..], hang: true)
            .Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options());

        await thread.StartRunAsync(null);
        var events = await thread.Values.ToListAsync();
        var all = await thread.Events.Take(4).ToListAsync();

        events.Should().HaveCount(2);
        all.Select(e => e.Seq).Should().Equal(1, 3, 8, 9);
        var eventRequests = handler.Seen.Where(r => r.Path.EndsWith("/stream/events", StringComparison.Ordinal)).ToList();
        eventRequests.Should().HaveCount(2);
        eventRequests[0].Body.Should().NotContain("since");
        eventRequests[1].Body.Should().EndWith(",\"since\":3}");
        foreach (var request in handler.Seen)
        {
            request.Header("Authorization").Should().Be("Bearer alice-token");
            request.Header("x-api-key").Should().Be("lsv2-secret-key");
            request.Header("User-Agent").Should().Contain("tests/1");
        }
    }

    [Fact]
    public async Task A_refused_reconnect_is_final_and_ends_the_readers_with_its_error()
    {
        var handler = new ThreadStreamScript()
            .Reply("run.start", """{"run_id":"r1"}""")
            .Events(EchoRun()[..2], drop: true)
            .EventsStatus(HttpStatusCode.NotFound)
            .Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options());
        await thread.StartRunAsync(null);

        var act = () => thread.Values.ToListAsync().AsTask();

        await act.Should().ThrowAsync<LangGraphNotFoundException>();
        handler.Seen.Count(r => r.Path.EndsWith("/stream/events", StringComparison.Ordinal)).Should().Be(2);
    }

    [Fact]
    public async Task A_stream_that_keeps_dropping_fails_after_the_reconnect_budget_naming_the_option()
    {
        var handler = new ThreadStreamScript()
            .Reply("run.start", """{"run_id":"r1"}""")
            .Events([], drop: true)
            .Handler();
        using var client = Client(handler);
        var options = Options();
        options.MaxReconnects = 2;
        await using var thread = client.Threads.Stream(null, options);
        await thread.StartRunAsync(null);

        var act = () => thread.Values.ToListAsync().AsTask();

        (await act.Should().ThrowAsync<LangGraphException>()).WithMessage("*2 reconnect attempts failed*MaxReconnects*");
        handler.Seen.Count(r => r.Path.EndsWith("/stream/events", StringComparison.Ordinal)).Should().Be(3);
    }

    [Fact]
    public async Task An_error_reply_is_a_typed_exception()
    {
        var handler = new ThreadStreamScript()
            .Error("run.start", "invalid_argument", "Thread t is bound to assistant echo; cannot run slow.")
            .Events([], hang: true)
            .Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options("slow"));

        var act = () => thread.StartRunAsync(null);

        var ex = (await act.Should().ThrowAsync<ThreadStreamProtocolException>()).Which;
        ex.Code.Should().Be("invalid_argument");
        ex.Method.Should().Be("run.start");
        ex.CommandId.Should().Be(1);
    }

    [Fact]
    public async Task A_failed_run_fails_the_output_with_the_graph_error()
    {
        var handler = new ThreadStreamScript()
            .Reply("run.start", """{"run_id":"r1"}""")
            .Events(
            [
                ProtocolEvents.Lifecycle(1, "running", graph: "failing"),
                ProtocolEvents.Values(3, """{"messages":["x"]}"""),
                ProtocolEvents.Envelope(6, "lifecycle", """{"event":"failed","graph_name":"failing","error":"{\"error\":\"CustomError\",\"message\":\"Boo!\"}"}"""),
            ], hang: true)
            .Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options("failing"));
        await thread.StartRunAsync(null);

        var ex = (await FluentActions.Awaiting(() => thread.GetOutputAsync()).Should().ThrowAsync<LangGraphRunException>()).Which;

        ex.ErrorName.Should().Be("CustomError");
        ex.ErrorMessage.Should().Be("Boo!");
        ex.RunId.Should().Be("r1");
    }

    [Fact]
    public async Task Projections_follow_the_chat_run_tokens_messages_tool_calls_and_subgraphs()
    {
        var handler = new ThreadStreamScript().Reply("run.start", """{"run_id":"r1"}""").Events(ProtocolEvents.ChatRun(), hang: true).Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options("chat"));
        await thread.StartRunAsync(null);

        var deltas = thread.MessageDeltas.Where(d => d.Kind == "text").Select(d => d.Text).ToListAsync();
        var messages = thread.Messages.ToListAsync();
        var tools = thread.ToolCalls.ToListAsync();
        var subgraphs = await thread.Subgraphs.ToListAsync();

        (await deltas).Should().Equal("It", " is", " sunny", ".");
        (await messages).Select(m => m.Text).Should().Equal("", "It is sunny.");
        (await tools).Single().Output!.Value.GetProperty("forecast").GetString().Should().Be("sunny");
        subgraphs.Select(s => s.Name).Should().Equal("agent", "tools", "agent");
        subgraphs[1].Namespace.Should().Equal(ProtocolEvents.ToolsNs);
        subgraphs[1].GraphName.Should().Be("tools");
        (await subgraphs[1].ToolCalls.ToListAsync()).Single().Name.Should().Be("get_weather");
        (await subgraphs[1].Messages.ToListAsync()).Should().BeEmpty();
        (await subgraphs[2].Messages.ToListAsync()).Single().Text.Should().Be("It is sunny.");
    }

    [Fact]
    public async Task Interrupts_are_reported_and_RespondAsync_sends_input_respond_and_follows_the_resumed_run()
    {
        var handler = new ThreadStreamScript()
            .Reply("run.start", """{"run_id":"r1"}""")
            .Reply("input.respond", "{}")
            .Events(
            [
                ProtocolEvents.Lifecycle(1, "running", graph: "interrupt"),
                ProtocolEvents.Envelope(5, "input.requested", """{"interrupt_id":"020efc8e","payload":{"question":"approve?"}}"""),
                ProtocolEvents.Lifecycle(7, "interrupted", graph: "interrupt"),
            ], drop: true)
            .Events(
            [
                ProtocolEvents.Lifecycle(8, "running", graph: "interrupt"),
                ProtocolEvents.Values(12, """{"answer":"yes"}"""),
                ProtocolEvents.Lifecycle(13, "completed", graph: "interrupt"),
            ], hang: true, after: "input.respond")
            .Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options("interrupt"));
        await thread.StartRunAsync(null);
        await thread.GetOutputAsync();

        thread.Interrupted.Should().BeTrue();
        var interrupt = thread.Interrupts.Single();
        interrupt.InterruptId.Should().Be("020efc8e");
        interrupt.Payload.GetProperty("question").GetString().Should().Be("approve?");

        await thread.RespondAsync(interrupt.InterruptId, "yes");
        var output = await thread.GetOutputAsync();

        output.GetProperty("answer").GetString().Should().Be("yes");
        thread.Interrupted.Should().BeFalse();
        handler.Seen.Last(r => r.Path.EndsWith("/commands", StringComparison.Ordinal)).Body
            .Should().Be("""{"id":2,"method":"input.respond","params":{"interrupt_id":"020efc8e","response":"yes"}}""");
    }

    [Fact]
    public async Task GetStateAsync_reads_values_and_checkpoint_and_SendCommandAsync_returns_the_result()
    {
        var handler = new ThreadStreamScript()
            .Reply("state.get", """{"values":{"messages":["hi"]},"checkpoint":{"id":"1f1e","ns":""}}""")
            .Reply("agent.getTree", """{"tree":{"namespace":[],"status":"completed"}}""")
            .Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(ThreadId, Options());

        var state = await thread.GetStateAsync(["messages"]);
        var tree = await thread.SendCommandAsync("agent.getTree");

        state.Values.GetProperty("messages")[0].GetString().Should().Be("hi");
        state.CheckpointId.Should().Be("1f1e");
        state.CheckpointNs.Should().Be("");
        tree.GetProperty("tree").GetProperty("status").GetString().Should().Be("completed");
        handler.Seen[0].Body.Should().Be("""{"id":1,"method":"state.get","params":{"keys":["messages"]}}""");
        handler.Seen.Should().NotContain(r => r.Path.EndsWith("/stream/events", StringComparison.Ordinal), "commands over SSE need no event stream");
    }

    [Fact]
    public async Task A_subscription_reads_its_filter_from_the_run_start_and_ends_when_removed()
    {
        var handler = new ThreadStreamScript().Reply("run.start", """{"run_id":"r1"}""").Events(ProtocolEvents.ChatRun(), hang: true).Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options("chat"));
        await thread.StartRunAsync(null);
        await thread.GetOutputAsync();
        var filter = new ThreadSubscribeOptions();
        filter.Channels.Add("tools");

        var subscription = await thread.SubscribeAsync(filter);
        var events = await subscription.Events.Take(2).ToListAsync();
        var reading = subscription.Events.ToListAsync();
        await subscription.DisposeAsync();

        events.Select(e => e.Seq).Should().Equal(19, 20);
        (await reading).Should().HaveCount(2);
        subscription.IsUnsubscribed.Should().BeTrue();
    }

    [Fact]
    public async Task A_subscription_to_channels_the_stream_does_not_carry_reopens_it_wider_from_the_last_event()
    {
        var handler = new ThreadStreamScript()
            .Reply("run.start", """{"run_id":"r1"}""")
            .Events(EchoRun()[..2], hang: true)
            .Events(EchoRun()[1..], hang: true)
            .Handler();
        using var client = Client(handler);
        var options = Options();
        options.Channels.Clear();
        options.Channels.Add("lifecycle");
        options.Channels.Add("values");
        options.Since = 0;
        await using var thread = client.Threads.Stream(ThreadId, options);
        await thread.StartRunAsync(null);
        await thread.Events.Take(2).ToListAsync();
        var filter = new ThreadSubscribeOptions();
        filter.Channels.Add("tools");

        await using var subscription = await thread.SubscribeAsync(filter);
        await thread.Events.Take(4).ToListAsync();

        var eventRequests = handler.Seen.Where(r => r.Path.EndsWith("/stream/events", StringComparison.Ordinal)).Select(r => r.Body).ToList();
        eventRequests.Should().Equal(
            """{"channels":["lifecycle","values"]}""",
            """{"channels":["lifecycle","values","tools"],"since":3}""");
        handler.Seen.Should().NotContain(r => r.Body != null && r.Body.Contains("state.get", StringComparison.Ordinal), "Since given: no position is asked");
    }

    [Fact]
    public async Task A_reader_cancelled_by_its_token_stops_while_another_goes_on()
    {
        var handler = new ThreadStreamScript().Reply("run.start", """{"run_id":"r1"}""").Events(EchoRun()[..2], hang: true).Handler();
        using var client = Client(handler);
        await using var thread = client.Threads.Stream(null, Options());
        await thread.StartRunAsync(null);
        using var cancel = new CancellationTokenSource();

        var cancelled = thread.Values.ToListAsync(cancel.Token).AsTask();
        var events = await thread.Events.Take(2).ToListAsync();
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        events.Should().HaveCount(2);
    }

    [Fact]
    public async Task Disposing_the_stream_ends_its_readers()
    {
        var handler = new ThreadStreamScript().Reply("run.start", """{"run_id":"r1"}""").Events(EchoRun()[..2], hang: true).Handler();
        using var client = Client(handler);
        var thread = client.Threads.Stream(null, Options());
        await thread.StartRunAsync(null);
        var reading = thread.Events.ToListAsync().AsTask();
        await Task.Delay(50);

        await thread.DisposeAsync();

        (await reading).Should().HaveCount(2);
        await FluentActions.Awaiting(() => thread.StartRunAsync(null)).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Theory]
    [InlineData(null, "AssistantId")]
    [InlineData("echo", "lifecycle")]
    public void Stream_checks_its_options_at_once(string? assistant, string message)
    {
        using var client = Client(new StubHttpHandler());
        var options = new ThreadStreamOptions { AssistantId = assistant ?? string.Empty };
        if (assistant is not null)
        {
            options.Channels.Remove("lifecycle");
        }

        var act = () => client.Threads.Stream(null, options);

        act.Should().Throw<ArgumentException>().WithMessage($"*{message}*");
        FluentActions.Invoking(() => client.Threads.Stream(" ", Options())).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => client.Threads.Stream("..", Options())).Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Per_command_headers_are_refused_because_the_stream_sends_its_own()
    {
        using var client = Client(new StubHttpHandler());
        await using var thread = client.Threads.Stream(null, Options());
        var options = new ThreadRunStartOptions();
        options.Headers["Authorization"] = "Bearer bob";

        await FluentActions.Awaiting(() => thread.StartRunAsync(null, options)).Should().ThrowAsync<ArgumentException>().WithMessage("*ThreadStreamOptions*");
    }
}

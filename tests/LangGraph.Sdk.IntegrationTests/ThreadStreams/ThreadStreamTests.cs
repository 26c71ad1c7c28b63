using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.ThreadStreams;

/// <summary>
/// The thread streaming protocol on the real server (<c>POST /threads/{id}/commands</c>, <c>/stream/events</c>), over both
/// transports: each test mints its own thread. The expected events are those recorded from the 1.5.1 server (tests/server/README.md).
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ThreadStreamTests(LangGraphServerFixture server)
{
    public static TheoryData<ThreadStreamTransport> Transports => new() { ThreadStreamTransport.Sse, ThreadStreamTransport.WebSocket };

    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private static ThreadStreamOptions Options(string assistant, ThreadStreamTransport transport) => new() { AssistantId = assistant, Transport = transport };

    private static ThreadRunStartOptions Delay(int ms) => new() { Config = new RunConfig { Configurable = { ["delay_ms"] = ms } } };

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task The_values_of_a_run_and_its_output_on_a_minted_thread(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("echo", transport));

        var started = await thread.StartRunAsync(Messages("hi"));
        var values = await thread.Values.ToListAsync();
        var output = await thread.GetOutputAsync();

        Guid.Parse(thread.ThreadId).ToString("D")[14].Should().Be('7', "a minted id is a UUID v7");
        started.RunId.Should().NotBeNullOrEmpty();
        values.Select(v => Strings(v.GetProperty("messages"))).Should().BeEquivalentTo(
            new[] { new[] { "hi" }, new[] { "hi", "echo: hi" } }, o => o.WithStrictOrdering());
        Strings(output.GetProperty("messages")).Should().Equal("hi", "echo: hi");
        output.GetProperty("auth_user_id").GetString().Should().Be("alice");
        var created = await alice.Threads.GetAsync(thread.ThreadId);
        created.Metadata["owner"].ToString().Should().Be("alice", "the server created the minted thread with the first run");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Messages_are_assembled_token_by_token(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("chat", transport));

        await thread.StartRunAsync(new Dictionary<string, object?> { ["messages"] = new[] { new Dictionary<string, object?> { ["type"] = "human", ["content"] = "weather?" } } });
        var deltas = thread.MessageDeltas.ToListAsync();
        var messages = await thread.Messages.ToListAsync();

        (await deltas).Where(d => d.Kind == "text").Select(d => d.Text).Should().Equal("It", " is", " sunny", ".");
        messages.Should().HaveCount(2);
        messages[0].ToolCalls.Single().Args.GetProperty("city").GetString().Should().Be("Paris", "the arguments come in two chunks");
        messages[1].Text.Should().Be("It is sunny.");
        messages[1].FinishReason.Should().Be("stop");
        messages[1].Id.Should().StartWith("run-");
        messages[1].Namespace.Single().Should().StartWith("agent:");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_tool_call_is_assembled_with_its_input_and_output(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("chat", transport));

        await thread.StartRunAsync(new Dictionary<string, object?> { ["messages"] = new[] { new Dictionary<string, object?> { ["type"] = "human", ["content"] = "weather?" } } });
        var calls = await thread.ToolCalls.ToListAsync();

        var call = calls.Single();
        call.Name.Should().Be("get_weather");
        call.CallId.Should().Be("call_1");
        call.Status.Should().Be(ThreadToolCallStatus.Finished);
        call.Input.GetProperty("city").GetString().Should().Be("Paris");
        call.Output!.Value.GetProperty("forecast").GetString().Should().Be("sunny");
        call.Namespace.Single().Should().StartWith("tools:");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Subgraphs_are_discovered_with_their_namespaces_and_a_nested_interrupt_is_answered(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("subgraph_hitl", transport));

        await thread.StartRunAsync(new Dictionary<string, object?> { ["topic"] = "plan" });
        var subgraphs = await thread.Subgraphs.ToListAsync();
        var child = subgraphs.Single(s => s.Name == "child");
        var grandchild = (await child.Subgraphs.ToListAsync()).Single();
        var grandchildValues = await grandchild.Values.ToListAsync();
        await thread.GetOutputAsync();

        child.Namespace.Single().Should().StartWith("child:");
        child.GraphName.Should().Be("child");
        grandchild.Name.Should().Be("grandchild");
        grandchild.Namespace.Should().HaveCount(2).And.StartWith(child.Namespace[0]);
        grandchildValues.Last().GetProperty("topic").GetString().Should().Be("plan!");
        thread.Interrupted.Should().BeTrue();
        var interrupt = thread.Interrupts.Single();
        interrupt.Namespace.Should().Equal(grandchild.Namespace);
        interrupt.Payload.GetProperty("question").GetString().Should().Be("approve plan!?");

        await thread.RespondAsync(interrupt.InterruptId, "yes", interrupt.Namespace);
        var output = await thread.GetOutputAsync();

        Strings(output.GetProperty("notes")).Should().Equal("prepared", "child step", "answered: yes", "done: \"yes\"");
        thread.Interrupted.Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task An_interrupt_is_answered_with_RespondAsync(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("interrupt", transport));

        await thread.StartRunAsync(Messages("start"));
        await thread.GetOutputAsync();
        var interrupt = thread.Interrupts.Single();

        interrupt.Payload.GetProperty("question").GetString().Should().Be("approve?");
        interrupt.Namespace.Should().BeEmpty();
        thread.Interrupted.Should().BeTrue();

        await thread.RespondAsync(interrupt.InterruptId, "yes");
        var output = await thread.GetOutputAsync();

        output.GetProperty("answer").GetString().Should().Be("yes");
        Strings(output.GetProperty("messages")).Should().EndWith("answer: yes");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task State_get_reads_the_values_and_checkpoint_and_filters_keys(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("echo", transport));
        await thread.StartRunAsync(Messages("hi"));
        await thread.GetOutputAsync();

        var state = await thread.GetStateAsync();
        var messagesOnly = await thread.GetStateAsync(["messages"]);

        Strings(state.Values.GetProperty("messages")).Should().Equal("hi", "echo: hi");
        state.CheckpointId.Should().NotBeNullOrEmpty();
        messagesOnly.Values.EnumerateObject().Select(p => p.Name).Should().Equal("messages");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task State_get_of_a_thread_that_never_ran_is_not_found(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("echo", transport));

        var act = () => thread.GetStateAsync();

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).WithMessage($"*{thread.ThreadId}*");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Protocol_errors_are_typed_exceptions_with_the_server_code(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("echo", transport));
        await thread.StartRunAsync(Messages("hi"));
        await thread.GetOutputAsync();
        await using var other = alice.Threads.Stream(thread.ThreadId, Options("slow", transport));

        var wrongAssistant = (await FluentActions.Awaiting(() => other.StartRunAsync(Messages("x"))).Should().ThrowAsync<ThreadStreamProtocolException>()).Which;
        var noInterrupt = (await FluentActions.Awaiting(() => thread.RespondAsync("nope", "yes")).Should().ThrowAsync<ThreadStreamProtocolException>()).Which;
        var unknown = (await FluentActions.Awaiting(() => thread.SendCommandAsync("foo.bar")).Should().ThrowAsync<ThreadStreamProtocolException>()).Which;

        wrongAssistant.Code.Should().Be("invalid_argument");
        wrongAssistant.Method.Should().Be("run.start");
        wrongAssistant.ServerMessage.Should().Contain("bound to assistant echo");
        noInterrupt.Code.Should().Be("invalid_argument");
        noInterrupt.ServerMessage.Should().Contain("interrupted");
        unknown.Code.Should().Be("unknown_command");
        unknown.ServerMessage.Should().Contain("foo.bar");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Two_concurrent_readers_and_a_late_one_see_the_same_events(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("slow", transport));

        await thread.StartRunAsync(Messages("x"), Delay(100));
        var values = thread.Values.ToListAsync().AsTask();
        var runEvents = thread.Events.TakeWhile(e => !(e.IsRoot && e.Method == "lifecycle" && e.Data.GetProperty("event").GetString() == "completed")).ToListAsync().AsTask();
        await Task.WhenAll(values, runEvents);
        var late = await thread.Values.ToListAsync();

        (await values).Should().HaveCount(5, "the input and four steps");
        Strings((await values)[^1].GetProperty("messages")).Should().Equal("x", "step 1", "step 2", "step 3", "step 4");
        late.Select(v => v.GetRawText()).Should().Equal((await values).Select(v => v.GetRawText()));
        var seqs = (await runEvents).Select(e => e.Seq).ToList();
        seqs.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        (await runEvents).Where(e => e.Method == "values" && e.IsRoot).Should().HaveCount(5);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_cancelled_reader_stops_while_another_follows_the_run_and_a_cancelled_run_ends_the_projections(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("slow", transport));
        var started = await thread.StartRunAsync(Messages("x"), Delay(1500));
        using var cancel = new CancellationTokenSource();

        var cancelled = thread.Values.ToListAsync(cancel.Token).AsTask();
        var follower = thread.Values.ToListAsync().AsTask();
        await thread.Values.FirstAsync();
        await cancel.CancelAsync();
        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();

        await alice.Runs.CancelAsync(thread.ThreadId, started.RunId, new RunCancelOptions { Wait = true });
        var followed = await follower.WaitAsync(TimeSpan.FromSeconds(30));

        followed.Count.Should().BeLessThan(5, "the run was cancelled before its last step");
        thread.Interrupted.Should().BeTrue("a cancelled run ends with the root lifecycle 'interrupted' on the 1.5.1 server");
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_failed_run_fails_the_output_with_the_graph_error(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("failing", transport));

        var started = await thread.StartRunAsync(Messages("x"));
        var ex = (await FluentActions.Awaiting(() => thread.GetOutputAsync()).Should().ThrowAsync<LangGraphRunException>()).Which;

        ex.ErrorName.Should().Be("CustomError");
        ex.ErrorMessage.Should().Be("Boo!");
        ex.RunId.Should().Be(started.RunId);
        ex.ThreadId.Should().Be(thread.ThreadId);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_second_run_on_the_same_stream_is_projected_from_its_own_start(ThreadStreamTransport transport)
    {
        using var alice = server.CreateClient();
        await using var thread = alice.Threads.Stream(null, Options("echo", transport));
        await thread.StartRunAsync(Messages("one"));
        await thread.GetOutputAsync();

        await thread.StartRunAsync(Messages("two"));
        var values = await thread.Values.ToListAsync();

        Strings(values[^1].GetProperty("messages")).Should().Equal("one", "echo: one", "two", "echo: two");
        values.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_stream_opened_on_an_existing_thread_does_not_replay_its_earlier_runs()
    {
        using var alice = server.CreateClient();
        string threadId;
        await using (var first = alice.Threads.Stream(null, Options("echo", ThreadStreamTransport.Sse)))
        {
            await first.StartRunAsync(Messages("one"));
            await first.GetOutputAsync();
            threadId = first.ThreadId;
        }

        await using var second = alice.Threads.Stream(threadId, Options("echo", ThreadStreamTransport.Sse));
        await second.StartRunAsync(Messages("two"));
        await second.GetOutputAsync();
        var all = await second.Events.TakeWhile(e => !(e.IsRoot && e.Method == "lifecycle" && e.Data.GetProperty("event").GetString() == "completed")).ToListAsync();

        all.Where(e => e.IsRoot && e.Method == "lifecycle").Select(e => e.Data.GetProperty("event").GetString()).Should().Equal("running");
        Strings(all.Last(e => e.Method == "values").Data.GetProperty("messages")).Should().Equal("one", "echo: one", "two", "echo: two");
    }

    [Fact]
    public async Task On_the_JS_auth_server_bob_reads_alice_thread_stream_because_the_server_keeps_the_first_caller_per_thread()
    {
        // A documented server flaw (reference/server-auth-events.md, tests/server/README.md): the 1.5.1 server runs no auth
        // event for the protocol routes and keeps the first caller's user per thread. Isolation needs a per-request
        // authorizer in front (the C# gateway: ThreadStreamGatewayTests). The client sends bob's own token on every request.
        using var alice = server.CreateClient();
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        await using var aliceThread = alice.Threads.Stream(null, Options("echo", ThreadStreamTransport.Sse));
        await aliceThread.StartRunAsync(Messages("secret"));
        await aliceThread.GetOutputAsync();

        await using var bobThread = bob.Threads.Stream(aliceThread.ThreadId, Options("echo", ThreadStreamTransport.Sse));
        var state = await bobThread.GetStateAsync();

        Strings(state.Values.GetProperty("messages")).Should().Contain("secret");
        var asRest = () => bob.Threads.GetStateAsync(aliceThread.ThreadId);
        await asRest.Should().ThrowAsync<LangGraphNotFoundException>("the REST route does run the auth handler");
    }
}

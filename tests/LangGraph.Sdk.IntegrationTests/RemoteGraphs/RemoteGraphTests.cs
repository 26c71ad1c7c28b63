using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit.Abstractions;

namespace LangGraph.Sdk.IntegrationTests.RemoteGraphs;

/// <summary>RemoteGraph against the real JS server: invoke, stream, state, history, graph, interrupts, errors and auth.</summary>
public abstract class RemoteGraphScenarios(AuthServerFixture server, ITestOutputHelper log)
{
    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private static RunConfig OnThread(string threadId) => new() { Configurable = { ["thread_id"] = threadId } };

    private static string[] MessagesOf(JsonElement values) => values.GetProperty("messages").EnumerateArray().Select(m => m.GetString()!).ToArray();

    private RemoteGraph Graph(string assistantId, string token = LangGraphServerFixture.AliceToken) => new(assistantId, new RemoteGraphOptions
    {
        Url = server.Url,
        Headers = { ["Authorization"] = $"Bearer {token}" },
        ReadApiKeyFromEnvironment = false,
    });

    private static async Task<List<RemoteGraphChunk>> CollectAsync(IAsyncEnumerable<RemoteGraphChunk> chunks)
    {
        var list = new List<RemoteGraphChunk>();
        await foreach (var chunk in chunks)
        {
            list.Add(chunk);
        }

        return list;
    }

    [Fact]
    public async Task A_stateless_invoke_returns_the_final_state_and_the_Bearer_user_reaches_the_graph()
    {
        using var graph = Graph("echo");

        var output = await graph.InvokeAsync(Messages("hi"));

        MessagesOf(output).Should().Equal("hi", "echo: hi");
        output.GetProperty("auth_user").GetProperty("identity").GetString().Should().Be("alice");
        output.GetProperty("auth_user").GetProperty("display_name").GetString().Should().Be("Alice");
        output.GetProperty("auth_user_id").GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Per_user_headers_on_a_shared_client_reach_the_graph_as_that_user()
    {
        using var shared = server.CreateClient(bearerToken: null);
        using var asBob = new RemoteGraph("echo", shared, new RemoteGraphOptions { Headers = { ["Authorization"] = $"Bearer {LangGraphServerFixture.BobToken}" } });
        using var asAlice = new RemoteGraph("echo", shared, new RemoteGraphOptions { Headers = { ["Authorization"] = $"Bearer {LangGraphServerFixture.AliceToken}" } });

        var results = await Task.WhenAll(asBob.InvokeAsync(Messages("b")), asAlice.InvokeAsync(Messages("a")));

        results[0].GetProperty("auth_user_id").GetString().Should().Be("bob");
        results[1].GetProperty("auth_user_id").GetString().Should().Be("alice");
        var anonymous = new RemoteGraph("echo", shared);
        var act = () => anonymous.InvokeAsync(Messages("x"));
        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(401);
    }

    [Fact]
    public async Task An_invoke_on_a_new_thread_id_creates_the_thread_and_keeps_state_across_calls()
    {
        using var graph = Graph("echo");
        using var alice = server.CreateClient();
        var threadId = Guid.NewGuid().ToString();
        RunCreateMetadata? created = null;

        await graph.InvokeAsync(Messages("one"), OnThread(threadId));
        var second = await graph.InvokeAsync(Messages("two"), OnThread(threadId), new RemoteGraphInvokeOptions { OnRunCreated = m => created = m });

        MessagesOf(second).Should().Equal("one", "echo: one", "two", "echo: two");
        (await alice.Threads.GetAsync(threadId)).Metadata["owner"].GetString().Should().Be("alice");
        created!.ThreadId.Should().Be(threadId);
        (await alice.Runs.ListAsync(threadId)).Should().HaveCount(2);
    }

    [Fact]
    public async Task The_sent_config_is_merged_and_sanitised_and_the_thread_id_goes_into_the_path()
    {
        using var graph = Graph("echo").WithConfig(new RunConfig { Tags = ["from-graph"], Configurable = { ["model"] = "small" } });
        using var alice = server.CreateClient();
        var threadId = Guid.NewGuid().ToString();
        var config = new RunConfig
        {
            Tags = ["from-call"],
            Configurable =
            {
                ["thread_id"] = threadId,
                ["checkpoint_id"] = "1f000000-0000-6000-8000-000000000000",
                ["checkpoint_ns"] = "",
                ["callback"] = new Func<int>(() => 1),
                ["team"] = "blue",
            },
        };
        RunCreateMetadata? created = null;

        var output = await graph.InvokeAsync(Messages("m"), config, new RemoteGraphInvokeOptions { OnRunCreated = m => created = m });

        MessagesOf(output).Should().Equal("m", "echo: m");
        var run = await alice.Runs.GetAsync(threadId, created!.RunId);
        var sent = run.Kwargs!.Value.GetProperty("config");
        sent.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("from-graph", "from-call");
        var configurable = sent.GetProperty("configurable");
        configurable.GetProperty("model").GetString().Should().Be("small");
        configurable.GetProperty("team").GetString().Should().Be("blue");
        configurable.TryGetProperty("checkpoint_id", out _).Should().BeFalse("checkpoint keys are not sent, or the run would start from that checkpoint");
        configurable.TryGetProperty("callback", out _).Should().BeFalse("a delegate cannot be sent as JSON");
        configurable.GetProperty("thread_id").GetString().Should().Be(threadId, "the server adds the path's thread id itself");
    }

    [Fact]
    public async Task Invoke_deserialises_the_final_state_into_a_type()
    {
        using var graph = Graph("echo");

        var state = await graph.InvokeAsync<EchoState>(Messages("typed"));

        state!.Messages.Should().Equal("typed", "echo: typed");
        state.AuthUserId.Should().Be("alice");
    }

    [Fact]
    public async Task Stream_yields_the_requested_modes_with_values_and_updates_chunks()
    {
        using var graph = Graph("echo");

        var chunks = await CollectAsync(graph.StreamAsync(Messages("s"), options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values, StreamMode.Updates] }));

        chunks.Select(c => c.Mode.Value).Should().Equal("values", "updates", "values");
        chunks.Should().OnlyContain(c => c.Namespace.Count == 0);
        chunks[1].Data.GetProperty("echo").GetProperty("messages")[0].GetString().Should().Be("echo: s");
        MessagesOf(chunks[2].Data).Should().Equal("s", "echo: s");
    }

    [Fact]
    public async Task Stream_defaults_to_updates_and_drops_modes_not_requested()
    {
        using var graph = Graph("echo");

        var updates = await CollectAsync(graph.StreamAsync(Messages("d")));
        var values = await CollectAsync(graph.StreamAsync(Messages("v"), options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values] }));

        updates.Should().ContainSingle().Which.Mode.Should().Be(StreamMode.Updates);
        updates[0].Data.TryGetProperty("echo", out _).Should().BeTrue();
        values.Select(c => c.Mode.Value).Should().Equal("values", "values");
    }

    [Fact]
    public async Task Subgraph_chunks_carry_their_namespace()
    {
        using var graph = Graph("nested");

        var chunks = await CollectAsync(graph.StreamAsync(Messages("n"), options: new RemoteGraphStreamOptions { StreamSubgraphs = true }));

        foreach (var chunk in chunks)
        {
            log.WriteLine($"{chunk.Mode} [{string.Join(", ", chunk.Namespace)}] {chunk.Data.GetRawText()}");
        }

        chunks.Should().OnlyContain(c => c.Mode == StreamMode.Updates, "checkpoints events the server adds with subgraphs are not requested");
        var root = chunks.Where(c => c.Namespace.Count == 0).ToList();
        root.Select(c => c.Data.EnumerateObject().Single().Name).Should().Equal("outer", "inner");
        var inner = chunks.Should().ContainSingle(c => c.Namespace.Count == 1).Subject;
        inner.Namespace[0].Should().StartWith("inner:");
        inner.Data.GetProperty("inner_step").GetProperty("messages")[0].GetString().Should().Be("inner step");
    }

    [Fact]
    public async Task An_interrupt_is_returned_as_data_and_as_a_typed_output_and_a_command_resumes_it()
    {
        using var graph = Graph("interrupt");
        var config = OnThread(Guid.NewGuid().ToString());

        var interrupted = await graph.InvokeOutputAsync(Messages("q"), config);

        interrupted.IsInterrupted.Should().BeTrue();
        interrupted.Interrupts.Should().ContainSingle().Which.Value.GetProperty("question").GetString().Should().Be("approve?");
        MessagesOf(interrupted.Value).Should().Equal("q");
        interrupted.Value.TryGetProperty("__interrupt__", out _).Should().BeFalse();

        var state = await graph.GetStateAsync(config);
        state.Next.Should().Equal("ask");
        state.Tasks.Should().ContainSingle().Which.Interrupts.Should().ContainSingle();
        state.Interrupts.Should().ContainSingle().Which.Id.Should().Be(interrupted.Interrupts[0].Id);

        var resumed = await graph.InvokeAsync(new RunCommand { Resume = "yes" }, config);

        resumed.GetProperty("answer").GetString().Should().Be("yes");
        MessagesOf(resumed).Should().Equal("q", "answer: yes");
        resumed.TryGetProperty("__interrupt__", out _).Should().BeFalse();
        (await graph.GetStateAsync(config)).Next.Should().BeEmpty();
    }

    [Fact]
    public async Task Invoke_at_an_interrupt_returns_the_state_with_its_interrupt_entry()
    {
        using var graph = Graph("interrupt");

        var output = await graph.InvokeAsync(Messages("q"), OnThread(Guid.NewGuid().ToString()));

        MessagesOf(output).Should().Equal("q");
        output.GetProperty("__interrupt__")[0].GetProperty("value").GetProperty("question").GetString().Should().Be("approve?");
    }

    [Fact]
    public async Task A_stream_shows_an_interrupt_even_when_updates_were_not_requested()
    {
        using var graph = Graph("interrupt");

        var chunks = await CollectAsync(graph.StreamAsync(Messages("q"), OnThread(Guid.NewGuid().ToString()), new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values] }));

        var withInterrupt = chunks.Where(c => c.Interrupts.Count > 0).ToList();
        withInterrupt.Should().NotBeEmpty();
        withInterrupt.Should().Contain(c => c.Mode == StreamMode.Updates);
        withInterrupt[0].Interrupts[0].Value.GetProperty("question").GetString().Should().Be("approve?");
    }

    [Fact]
    public async Task A_failing_graph_raises_a_RemoteGraphException_with_the_remote_error()
    {
        using var graph = Graph("failing");
        var threadId = Guid.NewGuid().ToString();

        var stateless = await FluentActions.Awaiting(() => graph.InvokeAsync(Messages("x"))).Should().ThrowAsync<RemoteGraphException>();
        var onThread = await FluentActions.Awaiting(() => graph.InvokeAsync(Messages("x"), OnThread(threadId))).Should().ThrowAsync<RemoteGraphException>();

        foreach (var error in new[] { stateless.Which, onThread.Which })
        {
            error.Should().BeAssignableTo<LangGraphRunException>();
            error.ErrorName.Should().Be("CustomError");
            error.ErrorMessage.Should().Be("Boo!");
            error.GraphName.Should().Be("failing");
            error.RunId.Should().NotBeNullOrEmpty();
            error.Message.Should().Contain("failing").And.Contain("CustomError: Boo!");
            error.Message.Should().NotContain(LangGraphServerFixture.AliceToken);
        }

        onThread.Which.ThreadId.Should().Be(threadId);
        stateless.Which.ThreadId.Should().BeNull();
    }

    [Fact]
    public async Task A_failing_stream_yields_its_chunks_then_raises()
    {
        using var graph = Graph("failing");
        var seen = new List<RemoteGraphChunk>();

        var act = async () =>
        {
            await foreach (var chunk in graph.StreamAsync(Messages("x"), options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values] }))
            {
                seen.Add(chunk);
            }
        };

        (await act.Should().ThrowAsync<RemoteGraphException>()).Which.ErrorName.Should().Be("CustomError");
        seen.Should().ContainSingle().Which.Mode.Should().Be(StreamMode.Values);
    }

    [Fact]
    public async Task Update_state_returns_the_new_checkpoint_config_and_state_reads_follow_configs()
    {
        using var graph = Graph("echo");
        var config = OnThread(Guid.NewGuid().ToString());
        await graph.InvokeAsync(Messages("first"), config);
        var before = await graph.GetStateAsync(config);

        var updated = await graph.UpdateStateAsync(config, Messages("added"), asNode: "echo");

        updated.Configurable["thread_id"].Should().Be(config.Configurable["thread_id"]);
        updated.Configurable["checkpoint_id"].Should().NotBeNull().And.NotBe(before.Config.Configurable["checkpoint_id"]);
        var after = await graph.GetStateAsync(updated);
        MessagesOf(after.Values).Should().Equal("first", "echo: first", "added");
        after.Metadata["source"].GetString().Should().Be("update");
        after.ParentConfig!.Configurable["checkpoint_id"].Should().Be(before.Config.Configurable["checkpoint_id"]);

        var withSubgraphs = await graph.GetStateAsync(config, subgraphs: true);
        withSubgraphs.Config.Configurable["checkpoint_id"].Should().Be(updated.Configurable["checkpoint_id"], "the JS server takes subgraphs=true on the GET route");

        var old = await graph.GetStateAsync(before.Config);
        MessagesOf(old.Values).Should().Equal("first", "echo: first");
        var latest = await graph.GetStateAsync(config);
        latest.Config.Configurable["checkpoint_id"].Should().Be(updated.Configurable["checkpoint_id"]);
    }

    [Fact]
    public async Task State_history_lists_snapshots_newest_first_with_limit_before_and_filter()
    {
        using var graph = Graph("echo");
        var config = OnThread(Guid.NewGuid().ToString());
        await graph.InvokeAsync(Messages("a"), config);
        await graph.InvokeAsync(Messages("b"), config);

        var all = await graph.GetStateHistoryAsync(config).ToListAsync();
        var firstTwo = await graph.GetStateHistoryAsync(config, limit: 2).ToListAsync();
        var older = await graph.GetStateHistoryAsync(config, before: all[1].Config, limit: 100).ToListAsync();
        var inputs = await graph.GetStateHistoryAsync(config, filter: new Dictionary<string, object?> { ["source"] = "input" }, limit: 100).ToListAsync();

        all.Should().HaveCount(6, "two runs of input, echo-start and echo-end checkpoints");
        MessagesOf(all[0].Values).Should().Equal("a", "echo: a", "b", "echo: b");
        all.Should().OnlyContain(s => s.Config.Configurable["thread_id"]!.Equals(config.Configurable["thread_id"]));
        firstTwo.Select(s => s.Config.Configurable["checkpoint_id"]).Should().Equal(all.Take(2).Select(s => s.Config.Configurable["checkpoint_id"]));
        older.Select(s => s.Config.Configurable["checkpoint_id"]).Should().Equal(all.Skip(2).Select(s => s.Config.Configurable["checkpoint_id"]));
        inputs.Should().HaveCount(2).And.OnlyContain(s => s.Metadata["source"].GetString() == "input");
    }

    [Fact]
    public async Task Another_user_cannot_read_or_update_the_state_of_a_thread()
    {
        using var alice = Graph("echo");
        using var bob = Graph("echo", LangGraphServerFixture.BobToken);
        var config = OnThread(Guid.NewGuid().ToString());
        await alice.InvokeAsync(Messages("secret"), config);

        await FluentActions.Awaiting(() => bob.GetStateAsync(config)).Should().ThrowAsync<LangGraphNotFoundException>();
        await FluentActions.Awaiting(() => bob.UpdateStateAsync(config, Messages("x"))).Should().ThrowAsync<LangGraphNotFoundException>();
    }

    [Fact]
    public async Task The_graph_drawing_has_nodes_and_edges_and_renders_as_Mermaid()
    {
        using var graph = Graph("nested");

        var drawing = await graph.GetGraphAsync();
        var mermaid = drawing.ToMermaid();
        log.WriteLine(mermaid);

        drawing.Nodes.Select(n => n.Id).Should().Equal("__start__", "outer", "inner", "__end__");
        drawing.Edges.Select(e => $"{e.Source}->{e.Target}").Should().BeEquivalentTo("__start__->outer", "outer->inner", "inner->__end__");
        mermaid.Should().Contain("graph TD;")
            .And.Contain("__start__([<p>__start__</p>]):::first")
            .And.Contain("outer(\"outer\")")
            .And.Contain("__start__ --> outer;")
            .And.Contain("outer --> inner;")
            .And.Contain("inner --> __end__;")
            .And.Contain("__end__([<p>__end__</p>]):::last");
        (await graph.GetGraphAsync(xray: true)).Nodes.Should().NotBeEmpty();
    }

    [Fact]
    public async Task WithConfig_carries_configurable_values_to_every_run()
    {
        using var graph = Graph("slow");
        var fast = graph.WithConfig(new RunConfig { Configurable = { ["delay_ms"] = 0 } });

        var started = System.Diagnostics.Stopwatch.StartNew();
        var output = await fast.InvokeAsync(Messages("go"));
        started.Stop();
        log.WriteLine($"slow graph with delay_ms=0 took {started.ElapsedMilliseconds} ms");

        MessagesOf(output).Should().Equal("go", "step 1", "step 2", "step 3", "step 4");
        fast.Config!.Configurable["delay_ms"].Should().Be(0);
        graph.Config.Should().BeNull();
    }

    private sealed record EchoState(IReadOnlyList<string> Messages, string? AuthUserId);
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class RemoteGraphTests(LangGraphServerFixture server, ITestOutputHelper log) : RemoteGraphScenarios(server, log);

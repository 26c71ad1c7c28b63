using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit.Abstractions;

namespace LangGraph.Sdk.IntegrationTests.Runs;

public abstract class RunsStreamScenarios(AuthServerFixture server, ITestOutputHelper output)
{
    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private static RunConfig Delay(int ms) => new() { Configurable = { ["delay_ms"] = ms } };

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts, List<StreamPart>? into = null)
    {
        into ??= [];
        await foreach (var part in parts)
        {
            into.Add(part);
        }

        return into;
    }

    [Fact]
    public async Task A_streamed_run_shows_the_authenticated_user_reaching_the_graph()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        RunCreateMetadata? created = null;

        var parts = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, "echo", new RunCreateOptions
        {
            Input = Messages("hi"),
            OnRunCreated = m => created = m,
        }));

        parts[0].Event.Should().Be("metadata");
        parts.Select(p => p.Id).Should().Equal(Enumerable.Range(0, parts.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        created.Should().NotBeNull();
        created!.ThreadId.Should().Be(thread.ThreadId);
        created.RunId.Should().Be(parts[0].Data.GetProperty("run_id").GetString());
        parts[^1].TryGetValues(out var final).Should().BeTrue();
        final.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("hi", "echo: hi");
        var user = final.GetProperty("auth_user");
        user.GetProperty("identity").GetString().Should().Be("alice");
        user.GetProperty("display_name").GetString().Should().Be("Alice");
        user.GetProperty("is_authenticated").GetBoolean().Should().BeTrue();
        user.GetProperty("github_token").GetString().Should().Be("gh-alice");
        final.GetProperty("auth_user_id").GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Bob_streams_as_bob_on_his_own_thread_with_an_api_key()
    {
        using var bob = server.CreateClient(bearerToken: null, o => o.ApiKey = LangGraphServerFixture.BobKey);
        var thread = await bob.Threads.CreateAsync();

        var parts = await CollectAsync(bob.Runs.StreamAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("yo") }));

        parts[^1].Data.GetProperty("auth_user_id").GetString().Should().Be("bob");
    }

    [Theory]
    [InlineData("values", "values", 5)]
    [InlineData("updates", "updates", 4)]
    [InlineData("debug", "debug", 4)]
    [InlineData("tasks", "tasks", 4)]
    [InlineData("checkpoints", "checkpoints", 4)]
    [InlineData("events", "events", 4)]
    [InlineData("custom", null, 0)]
    [InlineData("messages-tuple", null, 0)]
    public async Task Each_stream_mode_streams_its_events(string mode, string? eventName, int atLeast)
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var parts = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, "slow", new RunCreateOptions
        {
            Input = Messages("go"),
            Config = Delay(0),
            StreamMode = [mode],
        }));

        parts[0].Event.Should().Be("metadata");
        parts.Should().NotContain(p => p.Event == "error");
        if (eventName is null)
        {
            parts.Should().OnlyContain(p => p.Event == "metadata", $"the slow graph has no LLM and writes no custom data, so mode {mode} has nothing to say");
        }
        else
        {
            parts.Count(p => p.Event == eventName).Should().BeGreaterThanOrEqualTo(atLeast);
            parts.Skip(1).Should().OnlyContain(p => p.Event == eventName);
        }
    }

    [Fact]
    public async Task Updates_and_values_together_read_as_typed_updates_by_node()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var parts = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, "slow", new RunCreateOptions
        {
            Input = Messages("go"),
            Config = Delay(0),
            StreamMode = [StreamMode.Updates, StreamMode.Values],
        }));

        var nodes = parts.SelectMany(p => p.GetUpdates()).Select(u => u.Key).ToList();
        nodes.Should().Equal("step1", "step2", "step3", "step4");
        parts.SelectMany(p => p.GetUpdates()).First().Value.GetProperty("messages")[0].GetString().Should().Be("step 1");
    }

    [Fact]
    public async Task A_stateless_stream_has_no_ids_and_names_no_thread()
    {
        using var alice = server.CreateClient();
        RunCreateMetadata? created = null;

        var parts = await CollectAsync(alice.Runs.StreamAsync(null, "echo", new RunCreateOptions
        {
            Input = Messages("stateless"),
            OnRunCreated = m => created = m,
        }));

        parts.Should().OnlyContain(p => p.Id == null);
        created!.ThreadId.Should().BeNull();
        created.RunId.Should().NotBeNullOrEmpty();
        parts[^1].Data.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("stateless", "echo: stateless");
    }

    [Fact]
    public async Task A_failing_graph_yields_its_error_event_then_raises_it()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, "failing", new RunCreateOptions { Input = Messages("x") }), parts);

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ex.ErrorName.Should().Be("CustomError");
        ex.ErrorMessage.Should().Be("Boo!");
        ex.ThreadId.Should().Be(thread.ThreadId);
        ex.RunId.Should().Be(parts[0].Data.GetProperty("run_id").GetString());
        parts[^1].Event.Should().Be("error");
    }

    [Fact]
    public async Task A_failing_stateless_stream_with_ThrowOnError_off_ends_with_the_error_part()
    {
        using var alice = server.CreateClient();

        var parts = await CollectAsync(alice.Runs.StreamAsync(null, "failing", new RunCreateOptions { Input = Messages("x"), ThrowOnError = false }));

        parts.Select(p => p.Event).Should().Equal("metadata", "values", "error");
        parts[^1].TryGetError(out var error).Should().BeTrue();
        error!.ErrorName.Should().Be("CustomError");
    }

    [Fact]
    public async Task An_interrupt_is_streamed_as_data_and_a_resume_command_finishes_the_run()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var first = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, "interrupt", new RunCreateOptions
        {
            Input = Messages("start"),
            StreamMode = [StreamMode.Values, StreamMode.Updates],
        }));
        var interrupts = first.SelectMany(p => p.Event == "updates" ? p.GetInterrupts() : []).ToList();
        var state = await alice.Threads.GetStateAsync(thread.ThreadId);

        interrupts.Should().ContainSingle().Which.Value.GetProperty("question").GetString().Should().Be("approve?");
        state.Next.Should().Equal("ask");

        var resumed = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, "interrupt", new RunCreateOptions
        {
            Command = new RunCommand { Resume = new Dictionary<string, object?> { ["ok"] = true } },
            StreamMode = [StreamMode.Updates],
        }));

        var update = resumed.SelectMany(p => p.GetUpdates()).Should().ContainSingle().Subject;
        update.Key.Should().Be("ask");
        update.Value.GetProperty("answer").GetProperty("ok").GetBoolean().Should().BeTrue();
        update.Value.GetProperty("messages")[0].GetString().Should().Be("answer: {\"ok\":true}");
    }

    [Fact]
    public async Task Cancelling_a_stream_releases_it_well_under_a_second_and_on_disconnect_cancel_stops_the_run()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        using var cts = new CancellationTokenSource();
        var watch = new Stopwatch();
        string? runId = null;

        var act = async () =>
        {
            await foreach (var part in alice.Runs.StreamAsync(thread.ThreadId, "slow", new RunCreateOptions
            {
                Input = Messages("go"),
                Config = Delay(5000),
                OnDisconnect = DisconnectMode.Cancel,
                OnRunCreated = m => runId = m.RunId,
            }, cts.Token))
            {
                if (part.Event == "values")
                {
                    watch.Start();
                    await cts.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        watch.Stop();
        output.WriteLine($"stream cancelled and released in {watch.Elapsed.TotalMilliseconds:0.0} ms");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1), "cancelling stops reading at once, while the graph's step still has seconds to go");

        // The server saw the disconnect and cancelled the run instead of finishing its four 5 s steps.
        var run = await WaitForRunToSettleAsync(alice, thread.ThreadId, runId!, TimeSpan.FromSeconds(8));
        run.Status.Should().NotBe(RunStatus.Success);
        run.Status.Should().NotBe(RunStatus.Running);
    }

    [Fact]
    public async Task Breaking_out_of_a_stream_disconnects_so_on_disconnect_cancel_stops_the_run()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        string? runId = null;

        await foreach (var part in alice.Runs.StreamAsync(thread.ThreadId, "slow", new RunCreateOptions
        {
            Input = Messages("go"),
            Config = Delay(5000),
            OnDisconnect = DisconnectMode.Cancel,
            OnRunCreated = m => runId = m.RunId,
        }))
        {
            if (part.Event == "values")
            {
                break;
            }
        }

        var run = await WaitForRunToSettleAsync(alice, thread.ThreadId, runId!, TimeSpan.FromSeconds(8));
        run.Status.Should().NotBe(RunStatus.Success);
        run.Status.Should().NotBe(RunStatus.Running);
    }

    [Fact]
    public async Task With_on_disconnect_continue_a_stopped_stream_leaves_the_run_going_and_it_can_be_joined()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        string? runId = null;

        await foreach (var part in alice.Runs.StreamAsync(thread.ThreadId, "slow", new RunCreateOptions
        {
            Input = Messages("go"),
            Config = Delay(200),
            OnDisconnect = DisconnectMode.Continue,
            OnRunCreated = m => runId = m.RunId,
        }))
        {
            if (part.Event == "values")
            {
                break;
            }
        }

        var final = await alice.Runs.JoinAsync(thread.ThreadId, runId!);

        final.GetProperty("messages").GetArrayLength().Should().Be(5);
        (await alice.Runs.GetAsync(thread.ThreadId, runId!)).Status.Should().Be(RunStatus.Success);
    }

    internal static async Task WaitForRunToStartAsync(LangGraphClient client, string threadId, string runId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while ((await client.Runs.GetAsync(threadId, runId)).Status == RunStatus.Pending && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    internal static async Task<Run> WaitForRunToSettleAsync(LangGraphClient client, string threadId, string runId, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var run = await client.Runs.GetAsync(threadId, runId);
            if ((run.Status != RunStatus.Pending && run.Status != RunStatus.Running) || DateTime.UtcNow > deadline)
            {
                return run;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Bob_cannot_stream_on_alices_thread()
    {
        using var alice = server.CreateClient();
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var thread = await alice.Threads.CreateAsync();

        var act = () => CollectAsync(bob.Runs.StreamAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("x") }));

        await act.Should().ThrowAsync<LangGraphNotFoundException>();
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class RunsStreamTests(LangGraphServerFixture server, ITestOutputHelper output) : RunsStreamScenarios(server, output);

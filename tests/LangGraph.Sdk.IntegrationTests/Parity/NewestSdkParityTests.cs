using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.IntegrationTests.Runs;

namespace LangGraph.Sdk.IntegrationTests.Parity;

/// <summary>
/// The fields of the newest official SDKs (Python 0.4.14, JS 1.15.0) against the real JS dev server 1.5.1 (issue 18).
/// That server implements few of them: its request schemas strip unknown keys, so <c>strict_resume</c>, <c>select</c> on
/// thread states and the cancel <c>reason</c> are accepted and ignored, <c>Run.cancel_reason</c> is never sent, and the
/// <c>lifecycle</c> stream mode is refused with 400. Each test says which. The wire format of every field is proven
/// against WireMock.Net (RunsNewestSdkFieldsTests, ThreadsSelectTests).
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class NewestSdkParityTests(LangGraphServerFixture server)
{
    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts)
    {
        var list = new List<StreamPart>();
        await foreach (var part in parts)
        {
            list.Add(part);
        }

        return list;
    }

    private static string InterruptId(JsonElement result) => result.GetProperty("__interrupt__")[0].GetProperty("id").GetString()!;

    [Fact]
    public async Task Strict_resume_with_a_stale_interrupt_id_is_accepted_and_ignored_by_server_1_5_1_which_interrupts_again()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var first = InterruptId(await alice.Runs.WaitAsync(thread.ThreadId, "interrupt", new RunCreateOptions { Input = Messages("start") }));
        await alice.Runs.WaitAsync(thread.ThreadId, "interrupt", new RunCreateOptions { Command = new RunCommand { Resume = "yes" } });
        var second = InterruptId(await alice.Runs.WaitAsync(thread.ThreadId, "interrupt", new RunCreateOptions { Input = Messages("again") }));

        // A strict server would fail this run with UnknownInterruptError (reason not_pending); 1.5.1 strips strict_resume.
        var stale = await alice.Runs.WaitAsync(thread.ThreadId, "interrupt", new RunCreateOptions
        {
            Command = new RunCommand { Resume = new Dictionary<string, object?> { [first] = "stale" } },
            StrictResume = true,
        });

        second.Should().NotBe(first);
        stale.TryGetProperty("__interrupt__", out _).Should().BeTrue("the stale answer resumed nothing: the graph is still waiting");
        var state = await alice.Threads.GetStateAsync(thread.ThreadId);
        state.Next.Should().Equal("ask");
        state.Values.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("start", "answer: yes", "again");
        state.Tasks.Should().ContainSingle().Which.Interrupts.Should().ContainSingle().Which.Id.Should().NotBe(first);
    }

    [Fact]
    public async Task Select_on_get_state_is_accepted_and_ignored_by_server_1_5_1_which_returns_the_whole_state()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        await alice.Runs.WaitAsync(thread.ThreadId, "interrupt", new RunCreateOptions { Input = Messages("start") });
        var latest = await alice.Threads.GetStateAsync(thread.ThreadId);

        var selected = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { Select = { "values.messages", "next" } });
        var atId = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { CheckpointId = latest.Checkpoint!.CheckpointId, Select = { "values" } });
        var atCheckpoint = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { Checkpoint = latest.Checkpoint, Select = { "values" } });

        foreach (var state in new[] { selected, atId, atCheckpoint })
        {
            state.Values.GetProperty("messages")[0].GetString().Should().Be("start");
            state.Next.Should().Equal("ask");
            state.Tasks.Should().ContainSingle("1.5.1 ignores select and sends every field");
        }
    }

    [Fact]
    public async Task Select_on_get_history_is_accepted_and_ignored_by_server_1_5_1()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        await alice.Runs.WaitAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("hi") });

        var history = await alice.Threads.GetHistoryAsync(thread.ThreadId, new ThreadGetHistoryOptions { Select = { "values" } });

        history.Should().NotBeEmpty();
        history[0].Values.GetProperty("messages").GetArrayLength().Should().BeGreaterThan(0);
        history[0].Checkpoint.Should().NotBeNull("1.5.1 ignores select and sends every field");
    }

    [Fact]
    public async Task Cancel_reason_taken_is_accepted_and_server_1_5_1_records_no_cancel_reason()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var run = await alice.Runs.CreateAsync(thread.ThreadId, "slow", new RunCreateOptions { Input = Messages("go"), Config = new RunConfig { Configurable = { ["delay_ms"] = 3000 } } });
        await RunsStreamTests.WaitForRunToStartAsync(alice, thread.ThreadId, run.RunId);

        await alice.Runs.CancelAsync(thread.ThreadId, run.RunId, new RunCancelOptions { Wait = true, Reason = RunCancelReason.Taken });

        var cancelled = await alice.Runs.GetAsync(thread.ThreadId, run.RunId);
        cancelled.Status.Should().Be(RunStatus.Interrupted);
        cancelled.CancelReason.Should().BeNull("1.5.1's Run has no cancel_reason; newer servers record one starting with taken:");
        (await alice.Runs.ListAsync(thread.ThreadId, new RunListOptions { Select = { "run_id", "cancel_reason" } }))
            .Should().ContainSingle().Which.CancelReason.Should().BeNull();
    }

    [Fact]
    public async Task The_tools_stream_mode_is_accepted_by_server_1_5_1()
    {
        using var alice = server.CreateClient();

        var parts = await CollectAsync(alice.Runs.StreamAsync(null, "echo", new RunCreateOptions { Input = Messages("hi"), StreamMode = [StreamMode.Tools, StreamMode.Values] }));

        parts.Should().Contain(p => p.Mode == "values");
        parts.Should().NotContain(p => p.Event == "error", "echo calls no tool, so no tools event, and no error either");
    }

    [Fact]
    public async Task The_lifecycle_stream_mode_is_refused_with_400_by_server_1_5_1()
    {
        using var alice = server.CreateClient();

        var act = () => CollectAsync(alice.Runs.StreamAsync(null, "echo", new RunCreateOptions { Input = Messages("hi"), StreamMode = [StreamMode.Lifecycle] }));

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(400);
    }
}

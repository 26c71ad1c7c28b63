using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Runs;

public abstract class RunsLifecycleScenarios(AuthServerFixture server)
{
    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private static RunConfig Delay(int ms) => new() { Configurable = { ["delay_ms"] = ms } };

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts)
    {
        var list = new List<StreamPart>();
        await foreach (var part in parts)
        {
            list.Add(part);
        }

        return list;
    }

    [Fact]
    public async Task Wait_returns_the_final_state_through_the_servers_text_plain_keep_alives()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        RunCreateMetadata? created = null;

        // 1.2 s of steps: the JS server writes a newline each second before the JSON.
        var state = await alice.Runs.WaitAsync(thread.ThreadId, "slow", new RunCreateOptions
        {
            Input = Messages("go"),
            Config = Delay(300),
            OnRunCreated = m => created = m,
        });

        state.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("go", "step 1", "step 2", "step 3", "step 4");
        created!.ThreadId.Should().Be(thread.ThreadId);
        (await alice.Runs.GetAsync(thread.ThreadId, created.RunId)).Status.Should().Be(RunStatus.Success);
    }

    [Fact]
    public async Task A_stateless_wait_sees_the_authenticated_user()
    {
        using var alice = server.CreateClient();

        var state = await alice.Runs.WaitAsync(null, "echo", new RunCreateOptions { Input = Messages("stateless") });

        state.GetProperty("auth_user").GetProperty("identity").GetString().Should().Be("alice");
        state.GetProperty("messages")[1].GetString().Should().Be("echo: stateless");
    }

    [Fact]
    public async Task Impersonation_through_the_config_is_ignored_and_the_graph_sees_the_caller()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var config = new RunConfig
        {
            Configurable =
            {
                ["langgraph_auth_user_id"] = "bob",
                ["langgraph_auth_user"] = new Dictionary<string, object?> { ["identity"] = "bob", ["github_token"] = "gh-bob" },
                ["langgraph_auth_permissions"] = new[] { "admin" },
            },
        };

        var stateless = await alice.Runs.WaitAsync(null, "echo", new RunCreateOptions { Input = Messages("x"), Config = config });
        var onThread = await alice.Runs.WaitAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("y"), Config = config });

        foreach (var state in new[] { stateless, onThread })
        {
            state.GetProperty("auth_user_id").GetString().Should().Be("alice");
            state.GetProperty("auth_user").GetProperty("identity").GetString().Should().Be("alice");
            state.GetProperty("auth_user").GetProperty("github_token").GetString().Should().Be("gh-alice");
            state.GetProperty("auth_user").GetProperty("permissions").EnumerateArray().Select(p => p.GetString())
                .Should().BeEquivalentTo("threads:write", "threads:read");
        }
    }

    [Fact]
    public async Task Wait_on_a_failing_graph_raises_the_graphs_error_unwrapped()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        RunCreateMetadata? created = null;

        var act = () => alice.Runs.WaitAsync(thread.ThreadId, "failing", new RunCreateOptions { Input = Messages("x"), OnRunCreated = m => created = m });

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ex.ErrorName.Should().Be("CustomError");
        ex.ErrorMessage.Should().Be("Boo!");
        ex.RunId.Should().Be(created!.RunId);
        (await alice.Threads.GetAsync(thread.ThreadId)).Status.Should().Be(ThreadStatus.Error);
    }

    [Fact]
    public async Task Wait_on_an_interrupt_returns_it_and_a_resume_command_completes_the_run()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var interrupted = await alice.Runs.WaitAsync(thread.ThreadId, "interrupt", new RunCreateOptions { Input = Messages("start") });
        var done = await alice.Runs.WaitAsync(thread.ThreadId, "interrupt", new RunCreateOptions { Command = new RunCommand { Resume = "yes" } });

        interrupted.GetProperty("__interrupt__")[0].GetProperty("value").GetProperty("question").GetString().Should().Be("approve?");
        done.GetProperty("answer").GetString().Should().Be("yes");
        done.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().Equal("start", "answer: yes");
    }

    [Fact]
    public async Task Create_then_join_returns_the_final_state()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        var run = await alice.Runs.CreateAsync(thread.ThreadId, "slow", new RunCreateOptions { Input = Messages("go"), Config = Delay(100), Metadata = { ["purpose"] = "join" } });
        var state = await alice.Runs.JoinAsync(thread.ThreadId, run.RunId);

        run.Status.Should().Be(RunStatus.Pending);
        run.ThreadId.Should().Be(thread.ThreadId);
        run.Metadata["purpose"].GetString().Should().Be("join");
        run.MultitaskStrategy.Should().Be(MultitaskStrategy.Reject);
        state.GetProperty("messages").GetArrayLength().Should().Be(5);
    }

    [Fact]
    public async Task A_resumable_run_replays_from_the_start_and_resumes_after_an_id()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var run = await alice.Runs.CreateAsync(thread.ThreadId, "slow", new RunCreateOptions
        {
            Input = Messages("go"),
            Config = Delay(100),
            StreamResumable = true,
            StreamMode = [StreamMode.Values],
        });

        var replay = await CollectAsync(alice.Runs.JoinStreamAsync(thread.ThreadId, run.RunId, new RunJoinStreamOptions { LastEventId = "-1" }));
        var after2 = await CollectAsync(alice.Runs.JoinStreamAsync(thread.ThreadId, run.RunId, new RunJoinStreamOptions { LastEventId = "2" }));

        replay.Select(p => p.Event).Should().Equal("metadata", "values", "values", "values", "values", "values");
        replay.Select(p => p.Id).Should().Equal("0", "1", "2", "3", "4", "5");
        replay[^1].Data.GetProperty("messages").GetArrayLength().Should().Be(5);
        after2.Select(p => p.Id).Should().Equal("3", "4", "5");
        after2.Select(p => p.Data.GetProperty("messages").GetArrayLength()).Should().Equal(3, 4, 5);
    }

    [Fact]
    public async Task A_second_run_on_a_busy_thread_is_rejected_with_422_and_enqueue_queues_it()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var first = await alice.Runs.CreateAsync(thread.ThreadId, "slow", new RunCreateOptions { Input = Messages("a"), Config = Delay(400) });

        var reject = () => alice.Runs.CreateAsync(thread.ThreadId, "slow", new RunCreateOptions { Input = Messages("b") });
        var ex = (await reject.Should().ThrowAsync<LangGraphApiException>()).Which;
        var queued = await alice.Runs.CreateAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("c"), MultitaskStrategy = MultitaskStrategy.Enqueue });
        await alice.Runs.JoinAsync(thread.ThreadId, first.RunId);
        var final = await alice.Runs.JoinAsync(thread.ThreadId, queued.RunId);

        ex.StatusCode.Should().Be(422);
        ex.Message.Should().Contain("Thread is already running a task");
        ex.ResponseBody.Should().StartWith("Thread is already running a task");
        queued.MultitaskStrategy.Should().Be(MultitaskStrategy.Enqueue);
        final.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).Should().EndWith(["c", "echo: c"]);
    }

    [Fact]
    public async Task Cancel_with_wait_interrupts_a_running_run()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var run = await alice.Runs.CreateAsync(thread.ThreadId, "slow", new RunCreateOptions { Input = Messages("go"), Config = Delay(3000) });
        await RunsStreamTests.WaitForRunToStartAsync(alice, thread.ThreadId, run.RunId);

        await alice.Runs.CancelAsync(thread.ThreadId, run.RunId, new RunCancelOptions { Wait = true });

        (await alice.Runs.GetAsync(thread.ThreadId, run.RunId)).Status.Should().Be(RunStatus.Interrupted);
    }

    [Fact]
    public async Task List_get_and_delete_runs()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        await alice.Runs.WaitAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("1") });
        await alice.Runs.WaitAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("2") });

        var runs = await alice.Runs.ListAsync(thread.ThreadId);
        var one = await alice.Runs.GetAsync(thread.ThreadId, runs[0].RunId);
        var onlySuccess = await alice.Runs.ListAsync(thread.ThreadId, new RunListOptions { Status = RunStatus.Success, Limit = 1 });
        await alice.Runs.DeleteAsync(thread.ThreadId, runs[0].RunId);
        var afterDelete = await alice.Runs.ListAsync(thread.ThreadId);
        var getDeleted = () => alice.Runs.GetAsync(thread.ThreadId, runs[0].RunId);

        runs.Should().HaveCount(2).And.OnlyContain(r => r.ThreadId == thread.ThreadId && r.Status == RunStatus.Success);
        one.RunId.Should().Be(runs[0].RunId);
        one.AssistantId.Should().NotBeNullOrEmpty();
        onlySuccess.Should().ContainSingle();
        afterDelete.Should().ContainSingle().Which.RunId.Should().Be(runs[1].RunId);
        await getDeleted.Should().ThrowAsync<LangGraphNotFoundException>();
    }

    [Fact]
    public async Task Bob_cannot_see_alices_runs()
    {
        using var alice = server.CreateClient();
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var thread = await alice.Threads.CreateAsync();
        await alice.Runs.WaitAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("x") });

        var list = () => bob.Runs.ListAsync(thread.ThreadId);

        (await list.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Message.Should().Contain(thread.ThreadId);
    }

    [Fact]
    public async Task Batch_creates_stateless_runs()
    {
        using var alice = server.CreateClient();

        var runs = await alice.Runs.CreateBatchAsync(
        [
            new RunBatchItem("echo") { Options = new RunCreateOptions { Input = Messages("b1") } },
            new RunBatchItem("echo") { Options = new RunCreateOptions { Input = Messages("b2") } },
        ]);

        runs.Should().HaveCount(2);
        runs.Select(r => r.RunId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Cancel_many_is_not_served_by_the_JS_server_and_says_so()
    {
        using var alice = server.CreateClient();

        var act = () => alice.Runs.CancelManyAsync(new RunCancelManyOptions { Status = BulkCancelRunsStatus.Pending });

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.StatusCode.Should().Be(404);
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class RunsLifecycleTests(LangGraphServerFixture server) : RunsLifecycleScenarios(server);

using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Threads;

/// <summary>
/// Subgraphs on the real server, with the <c>subgraph_hitl</c> graph: <c>prepare</c> → <c>child</c> (a subgraph:
/// <c>child_step</c> → <c>grandchild</c> (a subgraph whose node <c>ask</c> interrupts)) → <c>finish</c>.
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class SubgraphHitlTests(LangGraphServerFixture server)
{
    private const string Graph = "subgraph_hitl";

    [Fact]
    public async Task GetSubgraphs_with_recursion_returns_every_level_with_its_schemas()
    {
        using var alice = server.CreateClient();

        var all = await alice.Assistants.GetSubgraphsAsync(Graph, new AssistantGetSubgraphsOptions { Recurse = true });
        var top = await alice.Assistants.GetSubgraphsAsync(Graph);
        var child = await alice.Assistants.GetSubgraphsAsync(Graph, new AssistantGetSubgraphsOptions { Namespace = "child" });

        all.Keys.Should().BeEquivalentTo(["child", "child|grandchild"]);
        top.Keys.Should().Equal("child");
        child.Keys.Should().Equal("child");
        foreach (var schema in all.Values)
        {
            schema.State!.Value.GetProperty("properties").GetProperty("topic").GetProperty("type").GetString().Should().Be("string");
            schema.Input!.Value.GetProperty("properties").TryGetProperty("notes", out _).Should().BeTrue();
            schema.Output!.Value.GetProperty("type").GetString().Should().Be("object");
            schema.Config!.Value.GetProperty("type").GetString().Should().Be("object");
            schema.StateSchema.Should().BeNull("the subgraphs route sends the short names only");
        }
    }

    [Fact]
    public async Task An_interrupt_inside_a_subgraph_node_is_resumed_with_a_command()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = Graph });

        var first = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, Graph, new RunCreateOptions
        {
            Input = new Dictionary<string, object?> { ["topic"] = "plan" },
            StreamMode = [StreamMode.Values, StreamMode.Updates],
            StreamSubgraphs = true,
        }));

        Names(first).Should().Equal(
            "metadata", "checkpoints", "values", "updates", "checkpoints", "values",
            "checkpoints|child", "values|child", "updates|child", "checkpoints|child", "values|child",
            "checkpoints|child|grandchild", "values|child|grandchild", "updates|child|grandchild", "values|child|grandchild",
            "updates|child", "values|child", "updates", "values");
        first.Where(p => p.Event.StartsWith("updates", System.StringComparison.Ordinal) && p.GetInterrupts().Count > 0)
            .Should().HaveCount(3, "the interrupt bubbles up through every level");

        var (childTaskId, grandchildNs) = await AssertInterruptedStateAsync(alice, thread.ThreadId);
        grandchildNs.Should().StartWith($"child:{childTaskId}|grandchild:");

        var resumed = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, Graph, new RunCreateOptions
        {
            Command = new RunCommand { Resume = "yes" },
            StreamMode = [StreamMode.Updates],
            StreamSubgraphs = true,
        }));

        Names(resumed).Should().Equal("metadata", "updates|child|grandchild", "updates|child", "updates", "updates");
        resumed[1].Event.Should().Be("updates|" + grandchildNs);
        resumed[1].Data.GetProperty("ask").GetProperty("answer").GetString().Should().Be("yes");
        var final = await alice.Threads.GetStateAsync(thread.ThreadId);
        final.Next.Should().BeEmpty();
        final.Tasks.Should().BeEmpty();
        Notes(final.Values).Should().Equal("prepared", "child step", "answered: yes", "done: \"yes\"");
        final.Values.GetProperty("topic").GetString().Should().Be("plan!");
    }

    [Fact]
    public async Task A_state_update_at_the_subgraph_checkpoint_is_seen_when_the_run_resumes()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = Graph });
        await alice.Runs.WaitAsync(thread.ThreadId, Graph, new RunCreateOptions { Input = new Dictionary<string, object?> { ["topic"] = "plan" } });
        var (_, grandchildNs) = await AssertInterruptedStateAsync(alice, thread.ThreadId);
        var nested = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { Subgraphs = true });
        var grandchildCheckpoint = nested.Tasks[0].State!.Tasks[0].State!.Checkpoint!;

        var update = await alice.Threads.UpdateStateAsync(
            thread.ThreadId, new Dictionary<string, object?> { ["topic"] = "edited" }, new ThreadUpdateStateOptions { Checkpoint = grandchildCheckpoint });

        update.Checkpoint!.CheckpointNs.Should().Be(grandchildNs);
        update.Checkpoint.CheckpointId.Should().NotBe(grandchildCheckpoint.CheckpointId);
        update.Checkpoint.CheckpointMap!.Value.TryGetProperty(grandchildNs, out _).Should().BeTrue();
        var edited = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { Subgraphs = true });
        edited.Tasks[0].State!.Tasks[0].State!.Values.GetProperty("topic").GetString().Should().Be("edited");
        edited.Tasks[0].State!.Values.GetProperty("topic").GetString().Should().Be("plan!", "only the grandchild's state was updated");

        var result = await alice.Runs.WaitAsync(thread.ThreadId, Graph, new RunCreateOptions { Command = new RunCommand { Resume = "ok" } });

        result.GetProperty("topic").GetString().Should().Be("edited", "the grandchild hands its edited state back up");
        Notes(result).Should().Equal("prepared", "child step", "answered: ok", "done: \"ok\"");
    }

    [Fact]
    public async Task GetState_with_a_root_checkpoint_and_subgraphs_reads_the_nested_states()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = Graph });
        await alice.Runs.WaitAsync(thread.ThreadId, Graph, new RunCreateOptions { Input = new Dictionary<string, object?> { ["topic"] = "plan" } });
        var latest = await alice.Threads.GetStateAsync(thread.ThreadId);

        var byCheckpoint = await alice.Threads.GetStateAsync(thread.ThreadId, new ThreadGetStateOptions { Checkpoint = latest.Checkpoint, Subgraphs = true });
        var byThreadOnly = await alice.Threads.GetStateAsync(
            thread.ThreadId, new ThreadGetStateOptions { Checkpoint = new Checkpoint { ThreadId = thread.ThreadId }, Subgraphs = true });

        byCheckpoint.Checkpoint!.CheckpointId.Should().Be(latest.Checkpoint!.CheckpointId);
        byCheckpoint.Tasks[0].State!.Tasks[0].State!.Next.Should().Equal("ask");
        byThreadOnly.Tasks[0].State!.Next.Should().Equal("grandchild");
    }

    [Fact]
    public async Task RemoteGraph_state_carries_the_task_paths_and_nested_states()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = Graph });
        await alice.Runs.WaitAsync(thread.ThreadId, Graph, new RunCreateOptions { Input = new Dictionary<string, object?> { ["topic"] = "plan" } });
        var graph = new RemoteGraph(Graph, alice);
        var config = new RunConfig { Configurable = { ["thread_id"] = thread.ThreadId } };

        var snapshot = await graph.GetStateAsync(config, subgraphs: true);

        var task = snapshot.Tasks.Should().ContainSingle().Subject;
        task.Path.Select(p => p.GetString()).Should().Equal("__pregel_pull", "child");
        task.State!.Tasks.Should().ContainSingle().Which.Path.Select(p => p.GetString()).Should().Equal("__pregel_pull", "grandchild");
    }

    /// <summary>Checks the interrupted state with and without subgraphs; returns the child task id and the grandchild namespace.</summary>
    private static async Task<(string ChildTaskId, string GrandchildNs)> AssertInterruptedStateAsync(LangGraphClient client, string threadId)
    {
        (await client.Threads.GetAsync(threadId)).Status.Should().Be(ThreadStatus.Interrupted);

        var flat = await client.Threads.GetStateAsync(threadId);
        flat.Next.Should().Equal("child");
        var task = flat.Tasks.Should().ContainSingle().Subject;
        task.Name.Should().Be("child");
        Path(task).Should().Equal("__pregel_pull", "child");
        task.Checkpoint!.CheckpointNs.Should().Be($"child:{task.Id}", "without subgraphs a subgraph task carries its checkpoint namespace");
        task.State.Should().BeNull();
        task.Interrupts.Should().ContainSingle().Which.Value.GetProperty("question").GetString().Should().Be("approve plan!?");

        var nested = await client.Threads.GetStateAsync(threadId, new ThreadGetStateOptions { Subgraphs = true });
        var childTask = nested.Tasks.Should().ContainSingle().Subject;
        childTask.Checkpoint.Should().BeNull("with subgraphs the task carries the subgraph's state instead");
        var child = childTask.State!;
        child.Checkpoint!.CheckpointNs.Should().Be($"child:{task.Id}");
        child.Next.Should().Equal("grandchild");
        Notes(child.Values).Should().Equal("prepared", "child step");
        var grandchildTask = child.Tasks.Should().ContainSingle().Subject;
        Path(grandchildTask).Should().Equal("__pregel_pull", "grandchild");
        var grandchild = grandchildTask.State!;
        grandchild.Next.Should().Equal("ask");
        grandchild.ParentCheckpoint!.CheckpointNs.Should().Be(grandchild.Checkpoint!.CheckpointNs);
        grandchild.Checkpoint.CheckpointMap!.Value.EnumerateObject().Select(p => p.Name).Should().HaveCount(3).And.Contain("");
        var askTask = grandchild.Tasks.Should().ContainSingle().Subject;
        Path(askTask).Should().Equal("__pregel_pull", "ask");
        askTask.State.Should().BeNull();
        askTask.Interrupts.Should().ContainSingle().Which.Id.Should().Be(task.Interrupts[0].Id);
        return (task.Id, grandchild.Checkpoint.CheckpointNs!);
    }

    private static IEnumerable<string?> Path(ThreadTask task) => task.Path.Select(p => p.GetString());

    private static IEnumerable<string?> Notes(JsonElement values) => values.GetProperty("notes").EnumerateArray().Select(n => n.GetString());

    /// <summary>Event names with the task ids taken out of their namespaces: <c>updates|child:&lt;id&gt;</c> → <c>updates|child</c>.</summary>
    private static IEnumerable<string> Names(IEnumerable<StreamPart> parts) =>
        parts.Select(p => string.Join('|', p.Event.Split('|').Select(segment => segment.Split(':')[0])));

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts)
    {
        var list = new List<StreamPart>();
        await foreach (var part in parts)
        {
            list.Add(part);
        }

        return list;
    }
}

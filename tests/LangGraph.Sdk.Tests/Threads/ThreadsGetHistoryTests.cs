using System;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsGetHistoryTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task GetHistoryAsync_always_sends_limit()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        var history = await client.Threads.GetHistoryAsync("t1");

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/history");
        JsonAssert.Equal("""{"limit":10}""", request.Body);
        history.Should().BeEmpty();
    }

    [Fact]
    public async Task GetHistoryAsync_sends_a_before_checkpoint_id_as_a_string()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.GetHistoryAsync("t1", new ThreadGetHistoryOptions { Limit = 2, Before = "cp-9" });

        JsonAssert.Equal("""{"limit":2,"before":"cp-9"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task GetHistoryAsync_sends_a_before_checkpoint_as_an_object()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.GetHistoryAsync("t1", new ThreadGetHistoryOptions { BeforeCheckpoint = new Checkpoint { CheckpointId = "cp-9" } });

        JsonAssert.Equal("""{"limit":10,"before":{"checkpoint_id":"cp-9"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task GetHistoryAsync_refuses_both_before_forms_before_sending()
    {
        var client = CreateClient();

        var act = () => client.Threads.GetHistoryAsync("t1", new ThreadGetHistoryOptions { Before = "cp", BeforeCheckpoint = new Checkpoint { CheckpointId = "cp" } });

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task GetHistoryAsync_sends_metadata_and_checkpoint()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.GetHistoryAsync("t1", new ThreadGetHistoryOptions
        {
            Metadata = { ["source"] = "loop" },
            Checkpoint = new Checkpoint { CheckpointNs = "child" },
        });

        JsonAssert.Equal("""{"limit":10,"metadata":{"source":"loop"},"checkpoint":{"checkpoint_ns":"child"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task GetHistoryAsync_returns_states_newest_first_with_tasks()
    {
        RespondToAll(body: """
            [
              {"values":{"messages":["hi","echo: hi"]},"next":[],"tasks":[],"metadata":{"step":1},"created_at":"2025-10-01T12:00:03Z",
               "checkpoint":{"thread_id":"t1","checkpoint_ns":"","checkpoint_id":"cp-2","checkpoint_map":null},"parent_checkpoint":{"thread_id":"t1","checkpoint_ns":"","checkpoint_id":"cp-1"}},
              {"values":{"messages":["hi"]},"next":["echo"],
               "tasks":[{"id":"task-1","name":"echo","error":null,"interrupts":[],"path":["__pregel_pull","echo"],"checkpoint":null,"state":null,"result":{"messages":["echo: hi"]}}],
               "metadata":{"step":0},"created_at":"2025-10-01T12:00:02Z",
               "checkpoint":{"thread_id":"t1","checkpoint_ns":"","checkpoint_id":"cp-1","checkpoint_map":null},"parent_checkpoint":null}
            ]
            """);
        var client = CreateClient();

        var history = await client.Threads.GetHistoryAsync("t1", new ThreadGetHistoryOptions { Limit = 2 });

        history.Should().HaveCount(2);
        history[0].Checkpoint!.CheckpointId.Should().Be("cp-2");
        history[0].ParentCheckpoint!.CheckpointId.Should().Be("cp-1");
        history[1].Next.Should().Equal("echo");
        var task = history[1].Tasks.Should().ContainSingle().Subject;
        task.Id.Should().Be("task-1");
        task.Interrupts.Should().BeEmpty();
        task.State.Should().BeNull();
        task.Result!.Value.GetProperty("messages")[0].GetString().Should().Be("echo: hi");
        history[1].ParentCheckpoint.Should().BeNull();
    }
}

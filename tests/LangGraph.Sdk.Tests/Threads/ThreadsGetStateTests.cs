using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsGetStateTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task GetStateAsync_gets_the_latest_state_with_subgraphs_false()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1");

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/state");
        request.RawQuery.Should().Be("?subgraphs=false");
        request.Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task GetStateAsync_sends_subgraphs_true()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions { Subgraphs = true });

        SingleRequest().RawQuery.Should().Be("?subgraphs=true");
    }

    [Fact]
    public async Task GetStateAsync_with_a_checkpoint_id_gets_the_checkpoint_route()
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions { CheckpointId = "cp-1", Subgraphs = true });

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/state/cp-1");
        request.RawQuery.Should().Be("?subgraphs=true");
    }

    [Fact]
    public async Task GetStateAsync_with_a_checkpoint_posts_it()
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions
        {
            Checkpoint = new Checkpoint { CheckpointId = "cp-1", CheckpointNs = "" },
        });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/state/checkpoint");
        request.RawQuery.Should().BeNullOrEmpty();
        // subgraphs is sent only when true (as the JS SDK does): the JS server's schema refuses "subgraphs": false here.
        JsonAssert.Equal("""{"checkpoint":{"checkpoint_ns":"","checkpoint_id":"cp-1"}}""", request.Body);
    }

    [Fact]
    public async Task GetStateAsync_checkpoint_wins_over_checkpoint_id()
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions
        {
            Checkpoint = new Checkpoint { ThreadId = "t1", CheckpointNs = "", CheckpointId = "from-checkpoint" },
            CheckpointId = "from-id",
        });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/state/checkpoint");
        JsonAssert.Equal("""{"checkpoint":{"thread_id":"t1","checkpoint_ns":"","checkpoint_id":"from-checkpoint"}}""", request.Body);
    }

    [Theory]
    [InlineData(null, "/threads/t1/state/cp-1")]
    [InlineData("", "/threads/t1/state/cp-1")]
    public async Task GetStateAsync_with_a_root_checkpoint_and_subgraphs_gets_the_checkpoint_route(string? ns, string path)
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions
        {
            Checkpoint = new Checkpoint { ThreadId = "t1", CheckpointNs = ns, CheckpointId = "cp-1" },
            CheckpointId = "from-id",
            Subgraphs = true,
        });

        // The JS server's POST /state/checkpoint refuses a boolean "subgraphs" (400); the GET route gives the same state.
        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be(path);
        request.RawQuery.Should().Be("?subgraphs=true");
        request.Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task GetStateAsync_with_a_checkpoint_that_names_only_the_thread_and_subgraphs_gets_the_latest_state()
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions { Checkpoint = new Checkpoint { ThreadId = "t1" }, Subgraphs = true });

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/state");
        request.RawQuery.Should().Be("?subgraphs=true");
    }

    [Fact]
    public async Task GetStateAsync_with_a_subgraph_checkpoint_and_subgraphs_posts_it()
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions
        {
            Checkpoint = new Checkpoint { CheckpointNs = "child:1", CheckpointId = "cp-2" },
            Subgraphs = true,
        });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/state/checkpoint");
        JsonAssert.Equal("""{"checkpoint":{"checkpoint_ns":"child:1","checkpoint_id":"cp-2"},"subgraphs":true}""", request.Body);
    }

    [Fact]
    public async Task GetStateAsync_sends_a_checkpoint_map()
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();
        using var map = System.Text.Json.JsonDocument.Parse("""{"":"root-cp"}""");

        await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions
        {
            Checkpoint = new Checkpoint { CheckpointId = "cp", CheckpointMap = map.RootElement },
        });

        JsonAssert.Equal("""{"checkpoint":{"checkpoint_id":"cp","checkpoint_map":{"":"root-cp"}}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task GetStateAsync_reads_the_state_of_a_thread_that_never_ran()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();

        var state = await client.Threads.GetStateAsync("t1");

        state.Values.GetRawText().Should().Be("{}");
        state.Next.Should().BeEmpty();
        state.Tasks.Should().BeEmpty();
        state.Interrupts.Should().BeEmpty();
        state.Checkpoint.Should().BeNull();
        state.ParentCheckpoint.Should().BeNull();
        state.CreatedAt.Should().BeNull();
        state.Metadata.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public async Task GetStateAsync_reads_checkpoint_tasks_and_interrupts()
    {
        RespondToAll(body: ServerJson.InterruptedState);
        var client = CreateClient();

        var state = await client.Threads.GetStateAsync("t1");

        state.Next.Should().Equal("ask");
        state.Checkpoint!.CheckpointId.Should().Be("1f1ea432-a96c-6b70-8003-0b33539f2a3a");
        state.Checkpoint.CheckpointNs.Should().BeEmpty();
        state.Checkpoint.CheckpointMap.Should().BeNull();
        state.Metadata["step"].GetInt32().Should().Be(1);
        state.Tasks.Should().ContainSingle();
        state.Tasks[0].Name.Should().Be("ask");
        state.Tasks[0].Error.Should().BeNull();
        state.Tasks[0].Interrupts.Should().ContainSingle().Which.Value.GetProperty("question").GetString().Should().Be("approve?");
        state.Interrupts.Should().ContainSingle().Which.Id.Should().Be("0123456789abcdef0123456789abcdef");
    }
}

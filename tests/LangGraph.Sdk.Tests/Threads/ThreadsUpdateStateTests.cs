using System.Collections.Generic;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsUpdateStateTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private sealed record MessagesState(IReadOnlyList<string> Messages, string? AuthUserId);

    [Fact]
    public async Task UpdateStateAsync_posts_values_and_as_node()
    {
        RespondToAll(body: ServerJson.UpdateStateResponse);
        var client = CreateClient();

        var response = await client.Threads.UpdateStateAsync(
            "t1",
            new Dictionary<string, object?> { ["messages"] = new[] { "manual" } },
            new ThreadUpdateStateOptions { AsNode = "echo" });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/state");
        JsonAssert.Equal("""{"values":{"messages":["manual"]},"as_node":"echo"}""", request.Body);
        response.Checkpoint!.CheckpointId.Should().Be("1f1ea432-a96c-6b70-8003-0b33539f2a3a");
        response.Checkpoint.ThreadId.Should().Be(ServerJson.ThreadId);
    }

    [Fact]
    public async Task UpdateStateAsync_always_sends_values_even_when_null()
    {
        RespondToAll(body: ServerJson.UpdateStateResponse);
        var client = CreateClient();

        await client.Threads.UpdateStateAsync("t1", null);

        JsonAssert.Equal("""{"values":null}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateStateAsync_sends_a_list_of_values()
    {
        RespondToAll(body: ServerJson.UpdateStateResponse);
        var client = CreateClient();

        await client.Threads.UpdateStateAsync("t1", new[] { new Dictionary<string, object?> { ["a"] = 1 }, new Dictionary<string, object?> { ["b"] = 2 } });

        JsonAssert.Equal("""{"values":[{"a":1},{"b":2}]}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateStateAsync_sends_checkpoint_and_checkpoint_id()
    {
        RespondToAll(body: ServerJson.UpdateStateResponse);
        var client = CreateClient();

        await client.Threads.UpdateStateAsync("t1", new Dictionary<string, object?>(), new ThreadUpdateStateOptions
        {
            CheckpointId = "cp-id",
            Checkpoint = new Checkpoint { CheckpointId = "cp", CheckpointNs = "" },
        });

        JsonAssert.Equal("""{"values":{},"checkpoint_id":"cp-id","checkpoint":{"checkpoint_ns":"","checkpoint_id":"cp"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateStateAsync_with_empty_options_sends_only_values()
    {
        RespondToAll(body: ServerJson.UpdateStateResponse);
        var client = CreateClient();

        await client.Threads.UpdateStateAsync("t1", new Dictionary<string, object?> { ["x"] = 1 }, new ThreadUpdateStateOptions { AsNode = "", CheckpointId = "" });

        JsonAssert.Equal("""{"values":{"x":1}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateStateAsync_serialises_a_user_record_with_snake_case_names_by_default()
    {
        RespondToAll(body: ServerJson.UpdateStateResponse);
        var client = CreateClient();

        await client.Threads.UpdateStateAsync("t1", new MessagesState(["a"], null));

        JsonAssert.Equal("""{"values":{"messages":["a"],"auth_user_id":null}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateStateAsync_on_a_thread_without_graph_gets_the_plain_text_400()
    {
        RespondToAll(400, "Thread t1 has no graph ID", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.UpdateStateAsync("t1", new Dictionary<string, object?>());

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.Should().NotBeOfType<LangGraphNotFoundException>();
        ex.StatusCode.Should().Be(400);
        ex.Detail.Should().Be("Thread t1 has no graph ID");
    }
}

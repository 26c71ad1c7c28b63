using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

/// <summary>
/// <c>select</c> on the thread state routes and the interrupt fields of the newest official SDKs (Python 0.4.13–0.4.14,
/// JS 1.15.0), against WireMock.Net: the JS dev server 1.5.1 ignores <c>select</c>, so its wire format is proven here.
/// </summary>
public class ThreadsSelectTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static ThreadGetStateOptions Selecting() => new() { Select = { "values.messages", "next" } };

    [Fact]
    public async Task GetStateAsync_sends_select_as_repeated_query_parameters()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();

        await client.Threads.GetStateAsync("t1", Selecting());

        var request = SingleRequest();
        request.Path.Should().Be("/threads/t1/state");
        request.RawQuery.Should().Be("?subgraphs=false&select=values.messages&select=next");
    }

    [Fact]
    public async Task GetStateAsync_at_a_checkpoint_id_sends_select_in_the_query()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();
        var options = Selecting();
        options.CheckpointId = "cp1";

        await client.Threads.GetStateAsync("t1", options);

        var request = SingleRequest();
        request.Path.Should().Be("/threads/t1/state/cp1");
        request.RawQuery.Should().Be("?subgraphs=false&select=values.messages&select=next");
    }

    [Fact]
    public async Task GetStateAsync_at_a_root_checkpoint_with_subgraphs_sends_select_in_the_query()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();
        var options = Selecting();
        options.Checkpoint = new Checkpoint { CheckpointId = "cp1" };
        options.Subgraphs = true;

        await client.Threads.GetStateAsync("t1", options);

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/state/cp1");
        request.RawQuery.Should().Be("?subgraphs=true&select=values.messages&select=next");
    }

    [Fact]
    public async Task GetStateAsync_at_a_checkpoint_sends_select_in_the_body()
    {
        RespondToAll(body: ServerJson.EmptyState);
        var client = CreateClient();
        var options = Selecting();
        options.Checkpoint = new Checkpoint { CheckpointNs = "child:1", CheckpointId = "cp1" };

        await client.Threads.GetStateAsync("t1", options);

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/state/checkpoint");
        JsonAssert.Equal("{\"checkpoint\":{\"checkpoint_ns\":\"child:1\",\"checkpoint_id\":\"cp1\"},\"select\":[\"values.messages\",\"next\"]}", request.Body);
    }

    [Fact]
    public async Task GetHistoryAsync_sends_select_in_the_body()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();
        var options = new ThreadGetHistoryOptions { Select = { "values", "checkpoint" } };

        await client.Threads.GetHistoryAsync("t1", options);

        JsonAssert.Equal("{\"limit\":10,\"select\":[\"values\",\"checkpoint\"]}", SingleRequest().Body);
    }

    [Fact]
    public async Task An_empty_select_is_not_sent()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.GetHistoryAsync("t1");

        JsonAssert.Equal("{\"limit\":10}", SingleRequest().Body);
    }

    [Fact]
    public async Task A_selected_state_with_only_values_is_read()
    {
        RespondToAll(body: "{\"values\":{\"messages\":[\"hi\"]}}");
        var client = CreateClient();

        var state = await client.Threads.GetStateAsync("t1", new ThreadGetStateOptions { Select = { "values" } });

        state.Values.GetProperty("messages")[0].GetString().Should().Be("hi");
        state.Next.Should().BeEmpty();
        state.Checkpoint.Should().BeNull();
    }

    [Fact]
    public async Task Interrupts_read_their_response_schema_and_namespace_as_fields()
    {
        RespondToAll(body: """
            {"values":{},"next":["ask"],"tasks":[{"id":"t","name":"ask","interrupts":[{"id":"i1","value":"approve?",
              "response_schema":{"type":"object","required":["approved"]},"namespace":["child:1"],"when":"during"}]}],
             "interrupts":[{"id":"i1","value":"approve?","namespace":[]}]}
            """);
        var client = CreateClient();

        var state = await client.Threads.GetStateAsync("t1");

        var interrupt = state.Tasks[0].Interrupts[0];
        interrupt.ResponseSchema!.Value.GetProperty("required")[0].GetString().Should().Be("approved");
        interrupt.Namespace.Should().Equal("child:1");
        interrupt.AdditionalProperties.Should().ContainKey("when").And.NotContainKeys("response_schema", "namespace");
        state.Interrupts[0].Namespace.Should().BeEmpty();
        state.Interrupts[0].ResponseSchema.Should().BeNull();
    }

    [Fact]
    public void An_interrupt_without_the_new_fields_has_them_null()
    {
        var interrupt = JsonSerializer.Deserialize("[{\"id\":\"i1\",\"value\":1}]", LangGraph.Sdk.Serialization.LangGraphJsonContext.Default.ListInterrupt)![0];

        interrupt.ResponseSchema.Should().BeNull();
        interrupt.Namespace.Should().BeNull();
    }
}

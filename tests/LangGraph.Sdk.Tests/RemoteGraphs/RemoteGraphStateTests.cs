using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using static LangGraph.Sdk.Tests.RemoteGraphs.RemoteGraphTestKit;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary>The state methods (get, history, update) and the graph drawing of <see cref="RemoteGraph"/>: exact requests and mapped results.</summary>
public class RemoteGraphStateTests
{
    private const string StateJson =
        "{\"values\":{\"messages\":[\"hi\"]},\"next\":[\"ask\"]," +
        "\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c2\"}," +
        "\"metadata\":{\"step\":2},\"created_at\":\"2026-01-02T03:04:05Z\"," +
        "\"parent_checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c1\"}," +
        "\"tasks\":[{\"id\":\"task-a\",\"name\":\"ask\",\"error\":null,\"interrupts\":[{\"value\":\"approve?\",\"id\":\"i1\"}],\"checkpoint\":null,\"state\":null,\"result\":null}]," +
        "\"interrupts\":[{\"value\":\"approve?\",\"id\":\"i1\"}]}";

    private static RunConfig Thread(string id = "t1") => new() { Configurable = { ["thread_id"] = id } };

    [Fact]
    public async Task GetStateAsync_reads_the_latest_state_of_the_thread_and_maps_the_snapshot()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json(StateJson));

        var snapshot = await graph.Graph.GetStateAsync(Thread());

        // Python posts {"checkpoint":{"thread_id":…}}; the GET route reads the same state and also takes
        // subgraphs=true on the JS server, whose checkpoint route refuses it.
        var request = graph.Single;
        request.Method.Should().Be("GET");
        request.PathAndQuery.Should().Be("/threads/t1/state?subgraphs=false");
        request.Body.Should().BeNullOrEmpty();
        Compact(snapshot.Values).Should().Be("{\"messages\":[\"hi\"]}");
        snapshot.Next.Should().Equal("ask");
        snapshot.Config.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["thread_id"] = "t1", ["checkpoint_ns"] = "", ["checkpoint_id"] = "c2" });
        snapshot.ParentConfig!.Configurable["checkpoint_id"].Should().Be("c1");
        snapshot.Metadata["step"].GetInt32().Should().Be(2);
        snapshot.CreatedAt.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        snapshot.Tasks.Should().ContainSingle().Which.Name.Should().Be("ask");
        snapshot.Interrupts.Should().ContainSingle().Which.Id.Should().Be("i1");
    }

    [Fact]
    public async Task GetStateAsync_sends_the_whole_checkpoint_and_subgraphs_when_asked()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json(StateJson));
        var config = new RunConfig
        {
            Configurable =
            {
                ["thread_id"] = "t1",
                ["checkpoint_ns"] = "inner:1",
                ["checkpoint_id"] = "c1",
                ["checkpoint_map"] = Json("{\"\":\"c0\"}"),
                ["model"] = "ignored",
            },
        };

        await graph.Graph.GetStateAsync(config, subgraphs: true);

        JsonAssert.Equal(
            "{\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"inner:1\",\"checkpoint_id\":\"c1\",\"checkpoint_map\":{\"\":\"c0\"}},\"subgraphs\":true}",
            graph.Single.Body);
    }

    [Fact]
    public async Task GetStateAsync_accepts_a_snapshot_config_back()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json(StateJson));

        var snapshot = await graph.Graph.GetStateAsync(Thread());
        await graph.Graph.GetStateAsync(snapshot.ParentConfig!);

        graph.Seen.Should().HaveCount(2);
        graph.Seen[1].Method.Should().Be("GET");
        graph.Seen[1].PathAndQuery.Should().Be("/threads/t1/state/c1?subgraphs=false", "a root checkpoint is read by its id");
    }

    [Fact]
    public async Task GetStateAsync_with_subgraphs_on_a_root_checkpoint_uses_the_query()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json(StateJson));

        await graph.Graph.GetStateAsync(Thread(), subgraphs: true);

        graph.Single.PathAndQuery.Should().Be("/threads/t1/state?subgraphs=true");
    }

    [Fact]
    public async Task GetStateAsync_uses_the_thread_of_the_graph_config()
    {
        using var graph = new ScriptedGraph(new RemoteGraphOptions { Config = Thread("graph-thread") }, StubHttpHandler.Json(StateJson));

        await graph.Graph.GetStateAsync(new RunConfig());

        graph.Single.PathAndQuery.Should().Be("/threads/graph-thread/state?subgraphs=false");
    }

    [Fact]
    public async Task GetStateAsync_without_a_thread_fails_before_any_request()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json(StateJson));

        var act = () => graph.Graph.GetStateAsync(new RunConfig { Configurable = { ["checkpoint_id"] = "c1" } });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("config");
        await graph.Graph.Invoking(g => g.GetStateAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        graph.Seen.Should().BeEmpty();
    }

    [Fact]
    public async Task GetStateHistoryAsync_posts_limit_before_filter_and_checkpoint()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("[" + StateJson + "," + StateJson.Replace("\"c2\"", "\"c1\"", StringComparison.Ordinal) + "]"));
        var before = new RunConfig { Configurable = { ["thread_id"] = "t1", ["checkpoint_ns"] = "", ["checkpoint_id"] = "c9" } };

        var states = await CollectAsync(graph.Graph.GetStateHistoryAsync(
            new RunConfig { Configurable = { ["thread_id"] = "t1", ["checkpoint_ns"] = "" } },
            filter: new Dictionary<string, object?> { ["source"] = "loop", ["step"] = 2 },
            before: before,
            limit: 3));

        var request = graph.Single;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/threads/t1/history");
        // The before config names a checkpoint id: it is sent as the id (the JS server refuses a checkpoint object there).
        JsonAssert.Equal(
            "{\"limit\":3,\"before\":\"c9\",\"metadata\":{\"source\":\"loop\",\"step\":2}," +
            "\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\"}}",
            request.Body);
        states.Select(s => s.Config.Configurable["checkpoint_id"]).Should().Equal("c2", "c1");
        states[0].Interrupts.Should().ContainSingle();
    }

    [Fact]
    public async Task GetStateHistoryAsync_accepts_a_snapshot_config_as_before()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("[" + StateJson + "]"), StubHttpHandler.Json("[]"));

        var first = await CollectAsync(graph.Graph.GetStateHistoryAsync(Thread(), limit: 1));
        await CollectAsync(graph.Graph.GetStateHistoryAsync(Thread(), before: first[0].Config, limit: 1));

        graph.Seen.Should().HaveCount(2);
        JsonAssert.Equal("{\"limit\":1,\"before\":\"c2\",\"checkpoint\":{\"thread_id\":\"t1\"}}", graph.Seen[1].Body);
    }

    [Fact]
    public async Task GetStateHistoryAsync_sends_a_before_config_without_checkpoint_id_as_a_checkpoint()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("[]"));
        var before = new RunConfig { Configurable = { ["thread_id"] = "t1", ["checkpoint_ns"] = "inner:1" } };

        await CollectAsync(graph.Graph.GetStateHistoryAsync(Thread(), before: before));

        JsonAssert.Equal(
            "{\"limit\":10,\"before\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"inner:1\"},\"checkpoint\":{\"thread_id\":\"t1\"}}",
            graph.Single.Body);
    }

    [Fact]
    public async Task GetStateHistoryAsync_defaults_to_ten_states()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("[]"));

        var states = await CollectAsync(graph.Graph.GetStateHistoryAsync(Thread()));

        states.Should().BeEmpty();
        JsonAssert.Equal("{\"limit\":10,\"checkpoint\":{\"thread_id\":\"t1\"}}", graph.Single.Body);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task GetStateHistoryAsync_refuses_a_limit_that_is_not_positive(int limit)
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("[]"));

        var act = () => CollectAsync(graph.Graph.GetStateHistoryAsync(Thread(), limit: limit));

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).Which.ParamName.Should().Be("limit");
        graph.Seen.Should().BeEmpty();
    }

    [Fact]
    public async Task GetStateHistoryAsync_without_a_thread_fails_before_any_request()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("[]"));

        var act = () => CollectAsync(graph.Graph.GetStateHistoryAsync(new RunConfig()));

        await act.Should().ThrowAsync<ArgumentException>();
        graph.Seen.Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateStateAsync_posts_values_node_and_checkpoint_and_returns_the_new_checkpoint_config()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("{\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c3\",\"checkpoint_map\":{}}}"));
        var config = new RunConfig { Configurable = { ["thread_id"] = "t1", ["checkpoint_id"] = "c2" } };

        var result = await graph.Graph.UpdateStateAsync(config, new { messages = new[] { "edited" } }, asNode: "ask");

        var request = graph.Single;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/threads/t1/state");
        JsonAssert.Equal(
            "{\"values\":{\"messages\":[\"edited\"]},\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_id\":\"c2\"},\"as_node\":\"ask\"}",
            request.Body);
        result.Configurable["thread_id"].Should().Be("t1");
        result.Configurable["checkpoint_ns"].Should().Be("");
        result.Configurable["checkpoint_id"].Should().Be("c3");
        result.Configurable.Should().ContainKey("checkpoint_map");
    }

    [Fact]
    public async Task UpdateStateAsync_without_a_node_sends_no_as_node()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("{\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c3\"}}"));

        var result = await graph.Graph.UpdateStateAsync(Thread(), null);

        JsonAssert.Equal("{\"values\":null,\"checkpoint\":{\"thread_id\":\"t1\"}}", graph.Single.Body);
        result.Configurable.Keys.Should().BeEquivalentTo("thread_id", "checkpoint_ns", "checkpoint_id");
    }

    [Fact]
    public async Task UpdateStateAsync_without_a_checkpoint_in_the_response_fails()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("{}"));

        var act = () => graph.Graph.UpdateStateAsync(Thread(), new { a = 1 });

        (await act.Should().ThrowAsync<LangGraphException>()).WithMessage("*t1*");
    }

    [Fact]
    public async Task UpdateStateAsync_without_a_thread_fails_before_any_request()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("{}"));

        var act = () => graph.Graph.UpdateStateAsync(new RunConfig(), new { a = 1 });

        await act.Should().ThrowAsync<ArgumentException>();
        graph.Seen.Should().BeEmpty();
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public async Task GetGraphAsync_gets_the_assistant_graph_with_xray(bool xray, string query)
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json(
            "{\"nodes\":[{\"id\":\"__start__\",\"type\":\"schema\"},{\"id\":\"echo\",\"type\":\"runnable\"}],\"edges\":[{\"source\":\"__start__\",\"target\":\"echo\",\"conditional\":false}]}"));

        var drawing = await graph.Graph.GetGraphAsync(xray);

        var request = graph.Single;
        request.Method.Should().Be("GET");
        request.PathAndQuery.Should().Be("/assistants/agent/graph?xray=" + query);
        drawing.Nodes.Select(n => n.Id).Should().Equal("__start__", "echo");
        drawing.Edges.Should().ContainSingle().Which.Target.Should().Be("echo");
    }

    [Fact]
    public async Task GetGraphAsync_sends_an_xray_depth()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("{\"nodes\":[],\"edges\":[]}"));

        await graph.Graph.GetGraphAsync(2);

        graph.Single.PathAndQuery.Should().Be("/assistants/agent/graph?xray=2");
    }

    [Fact]
    public async Task Per_call_query_parameters_are_sent()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("{\"nodes\":[],\"edges\":[]}"));
        var options = new LangGraphRequestOptions { QueryParams = { ["extra"] = "1" } };

        await graph.Graph.GetGraphAsync(true, options);

        graph.Single.PathAndQuery.Should().Contain("xray=true").And.Contain("extra=1");
    }
}

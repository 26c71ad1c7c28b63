using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Conformance;

/// <summary>
/// Every route the real server implements, answered by the real server: each response is captured raw (through
/// <c>client.Http</c>) and compared with the SDK model the typed method reads it into, so a member the model does not
/// map fails here, however our own WireMock bodies look. The graphs used (<c>subgraph_hitl</c> with two levels of
/// subgraphs and an interrupt, <c>echo</c>) make every optional member appear: tasks, paths, interrupts, subgraph
/// checkpoints, checkpoint maps, parent checkpoints, thread values and interrupts, run kwargs.
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ResponseConformanceTests(LangGraphServerFixture server)
{
    private const string Hitl = "subgraph_hitl";

    [Fact]
    public async Task Assistant_routes_map_every_member()
    {
        using var alice = server.CreateClient();
        var http = alice.Http;

        var created = await http.PostAsync("/assistants", Json("""
            {"graph_id":"echo","name":"conformance","description":"every field","metadata":{"m":1},
             "config":{"tags":["a"],"recursion_limit":5,"configurable":{"k":"v"}},"context":{"c":1}}
            """));
        ModelConformance.ShouldMapEveryMember<Assistant>(created, "POST /assistants");
        var id = created.GetProperty("assistant_id").GetString()!;
        var path = "/assistants/" + id;

        ModelConformance.ShouldMapEveryMember<Assistant>(await http.GetAsync(path), "GET /assistants/{id}");
        ModelConformance.ShouldMapEveryMember<Assistant>(
            await http.PatchAsync(path, Json("""{"metadata":{"m":2},"name":"conformance 2"}""")), "PATCH /assistants/{id}");
        var versions = await http.PostAsync(path + "/versions", Json("{}"));
        versions.GetArrayLength().Should().Be(2);
        ModelConformance.ShouldMapEveryMember<List<AssistantVersion>>(versions, "POST /assistants/{id}/versions");
        ModelConformance.ShouldMapEveryMember<Assistant>(await http.PostAsync(path + "/latest", Json("""{"version":1}""")), "POST /assistants/{id}/latest");
        var search = await http.PostAsync("/assistants/search", Json("""{"limit":20}"""));
        search.GetArrayLength().Should().BeGreaterThan(5);
        ModelConformance.ShouldMapEveryMember<List<Assistant>>(search, "POST /assistants/search");
        (await http.PostAsync("/assistants/count", Json("{}"))).GetInt32().Should().BeGreaterThan(5);

        // The typed calls read the same bodies.
        var typed = await alice.Assistants.GetAsync(id);
        typed.Context!.Value.GetProperty("c").GetInt32().Should().Be(1);
        typed.Description.Should().Be("every field");

        // JS answers DELETE with 200 and a JSON list of the deleted ids; DeleteAsync returns nothing (Python returns None).
        var deleted = await http.DeleteAsync(path);
        deleted.EnumerateArray().Select(e => e.GetString()).Should().Equal(id);
    }

    [Fact]
    public async Task Graph_schema_and_subgraph_routes_map_every_member()
    {
        using var alice = server.CreateClient();
        var http = alice.Http;
        var path = "/assistants/" + Hitl;

        foreach (var xray in new[] { "false", "true", "1" })
        {
            var graph = await http.GetAsync(path + "/graph", new RawRequestOptions { QueryParams = { ["xray"] = xray } });
            ModelConformance.ShouldMapEveryMember<AssistantGraph>(graph, $"GET /assistants/{{id}}/graph?xray={xray}");
        }

        var schemas = await http.GetAsync(path + "/schemas");
        ModelConformance.ShouldMapEveryMember<GraphSchema>(schemas, "GET /assistants/{id}/schemas");

        var subgraphs = await http.GetAsync(path + "/subgraphs", new RawRequestOptions { QueryParams = { ["recurse"] = true } });
        subgraphs.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(["child", "child|grandchild"]);
        ModelConformance.ShouldMapEveryMember<Dictionary<string, GraphSchema>>(subgraphs, "GET /assistants/{id}/subgraphs?recurse=true");
        var one = await http.GetAsync(path + "/subgraphs/child");
        ModelConformance.ShouldMapEveryMember<Dictionary<string, GraphSchema>>(one, "GET /assistants/{id}/subgraphs/{namespace}");
    }

    [Fact]
    public async Task Thread_routes_map_every_member_at_an_interrupt_inside_subgraphs()
    {
        using var alice = server.CreateClient();
        var http = alice.Http;

        var created = await http.PostAsync("/threads", Json($$$"""{"metadata":{"graph_id":"{{{Hitl}}}","marker":"{{{LangGraphServerFixture.NewMarker()}}}"}}"""));
        ModelConformance.ShouldMapEveryMember<LangGraphThread>(created, "POST /threads");
        var threadId = created.GetProperty("thread_id").GetString()!;
        var path = "/threads/" + threadId;
        await alice.Runs.WaitAsync(threadId, Hitl, new RunCreateOptions { Input = new Dictionary<string, object?> { ["topic"] = "plan" } });

        var thread = await http.GetAsync(path);
        thread.GetProperty("interrupts").EnumerateObject().Should().ContainSingle("the thread waits on the interrupt inside the subgraphs");
        ModelConformance.ShouldMapEveryMember<LangGraphThread>(thread, "GET /threads/{id}");
        ModelConformance.ShouldMapEveryMember<LangGraphThread>(await http.PatchAsync(path, Json("""{"metadata":{"extra":1}}""")), "PATCH /threads/{id}");
        ModelConformance.ShouldMapEveryMember<List<LangGraphThread>>(
            await http.PostAsync("/threads/search", Json("""{"limit":5,"status":"interrupted"}""")), "POST /threads/search");
        (await http.PostAsync("/threads/count", Json("{}"))).GetInt32().Should().BeGreaterThan(0);

        var state = await http.GetAsync(path + "/state");
        state.GetProperty("tasks")[0].GetProperty("checkpoint").GetProperty("checkpoint_ns").GetString().Should().StartWith("child:");
        ModelConformance.ShouldMapEveryMember<ThreadState>(state, "GET /threads/{id}/state");

        var nested = await http.GetAsync(path + "/state", new RawRequestOptions { QueryParams = { ["subgraphs"] = true } });
        var grandchild = nested.GetProperty("tasks")[0].GetProperty("state").GetProperty("tasks")[0].GetProperty("state");
        grandchild.GetProperty("checkpoint").GetProperty("checkpoint_map").EnumerateObject().Should().HaveCount(3);
        grandchild.GetProperty("parent_checkpoint").ValueKind.Should().Be(JsonValueKind.Object);
        ModelConformance.ShouldMapEveryMember<ThreadState>(nested, "GET /threads/{id}/state?subgraphs=true");

        var checkpointId = state.GetProperty("checkpoint").GetProperty("checkpoint_id").GetString()!;
        ModelConformance.ShouldMapEveryMember<ThreadState>(
            await http.GetAsync($"{path}/state/{checkpointId}", new RawRequestOptions { QueryParams = { ["subgraphs"] = true } }),
            "GET /threads/{id}/state/{checkpoint_id}");
        ModelConformance.ShouldMapEveryMember<ThreadState>(
            await http.PostAsync(path + "/state/checkpoint", Json($$$"""{"checkpoint":{"checkpoint_id":"{{{checkpointId}}}"}}""")),
            "POST /threads/{id}/state/checkpoint");

        var history = await http.PostAsync(path + "/history", Json("""{"limit":10}"""));
        history.GetArrayLength().Should().BeGreaterThan(2);
        ModelConformance.ShouldMapEveryMember<List<ThreadState>>(history, "POST /threads/{id}/history");
        ModelConformance.ShouldMapEveryMember<List<ThreadState>>(
            await http.GetAsync(path + "/history", new RawRequestOptions { QueryParams = { ["limit"] = 10 } }), "GET /threads/{id}/history");

        var subgraphCheckpoint = grandchild.GetProperty("checkpoint");
        var update = await http.PostAsync(path + "/state", Json($$"""{"values":{"topic":"edited"},"checkpoint":{{subgraphCheckpoint.GetRawText()}}}"""));
        ModelConformance.ShouldMapEveryMember<ThreadUpdateStateResponse>(update, "POST /threads/{id}/state");

        var copy = await http.PostAsync(path + "/copy");
        ModelConformance.ShouldMapEveryMember<LangGraphThread>(copy, "POST /threads/{id}/copy");

        // The typed calls read the same shapes, path included.
        var typed = await alice.Threads.GetStateAsync(threadId, new ThreadGetStateOptions { Subgraphs = true });
        typed.Tasks[0].Path.Select(p => p.GetString()).Should().Equal("__pregel_pull", "child");
    }

    [Fact]
    public async Task Thread_created_with_supersteps_maps_every_member()
    {
        using var alice = server.CreateClient();

        var created = await alice.Http.PostAsync("/threads", Json("""
            {"metadata":{"graph_id":"echo"},"supersteps":[{"updates":[{"values":{"messages":["a"]},"as_node":"echo"}]}]}
            """));

        ModelConformance.ShouldMapEveryMember<LangGraphThread>(created, "POST /threads with supersteps");
        var threadId = created.GetProperty("thread_id").GetString()!;
        var history = await alice.Http.PostAsync($"/threads/{threadId}/history", Json("{}"));
        ModelConformance.ShouldMapEveryMember<List<ThreadState>>(history, "POST /threads/{id}/history after supersteps");
    }

    [Fact]
    public async Task Run_routes_map_every_member()
    {
        using var alice = server.CreateClient();
        var http = alice.Http;
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo" });
        var path = $"/threads/{thread.ThreadId}/runs";

        var run = await http.PostAsync(path, Json("""
            {"assistant_id":"echo","input":{"messages":["hi"]},"metadata":{"m":1},"config":{"tags":["t"],"configurable":{"k":"v"}},
             "stream_mode":["values","updates"],"multitask_strategy":"enqueue"}
            """));
        ModelConformance.ShouldMapEveryMember<Run>(run, "POST /threads/{id}/runs");
        var runId = run.GetProperty("run_id").GetString()!;
        await alice.Runs.JoinAsync(thread.ThreadId, runId);

        ModelConformance.ShouldMapEveryMember<Run>(await http.GetAsync($"{path}/{runId}"), "GET /threads/{id}/runs/{run_id}");
        ModelConformance.ShouldMapEveryMember<List<Run>>(await http.GetAsync(path), "GET /threads/{id}/runs");

        var batch = await http.PostAsync("/runs/batch", Json($$$"""
            [{"assistant_id":"echo","thread_id":"{{{thread.ThreadId}}}","input":{"messages":["b"]},"multitask_strategy":"enqueue"},
             {"assistant_id":"echo","input":{"messages":["c"]}}]
            """));
        ModelConformance.ShouldMapEveryMember<List<Run>>(batch, "POST /runs/batch");
        ModelConformance.ShouldMapEveryMember<Run>(await http.PostAsync("/runs", Json("""{"assistant_id":"echo","input":{"messages":["s"]}}""")), "POST /runs");

        var typed = await alice.Runs.GetAsync(thread.ThreadId, runId);
        typed.Kwargs!.Value.GetProperty("config").GetProperty("tags").EnumerateArray().Should().Contain(t => t.GetString() == "t");
    }

    [Fact]
    public async Task Store_routes_map_every_member()
    {
        using var alice = server.CreateClient();
        var http = alice.Http;
        var label = LangGraphServerFixture.NewMarker();
        await alice.Store.PutItemAsync(["alice", label], "k", new Dictionary<string, object?> { ["v"] = 1 });

        var item = await http.GetAsync("/store/items", new RawRequestOptions { QueryParams = { ["namespace"] = $"alice.{label}", ["key"] = "k" } });
        ModelConformance.ShouldMapEveryMember<Item>(item, "GET /store/items");
        var search = await http.PostAsync("/store/items/search", Json($$"""{"namespace_prefix":["alice","{{label}}"]}"""));
        search.GetProperty("items").GetArrayLength().Should().Be(1);
        ModelConformance.ShouldMapEveryMember(search, ModelConformance.InternalModel("SearchItemsResponse"), "POST /store/items/search");
        var namespaces = await http.PostAsync("/store/namespaces", Json($$"""{"prefix":["alice","{{label}}"]}"""));
        ModelConformance.ShouldMapEveryMember(namespaces, ModelConformance.InternalModel("ListNamespacesResponse"), "POST /store/namespaces");
    }

    [Fact]
    public async Task Stream_events_that_the_SDK_reads_map_every_member()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { GraphId = Hitl });

        var modes = new[] { StreamMode.Values, StreamMode.Updates, StreamMode.Tasks, StreamMode.Checkpoints, StreamMode.Debug };
        var parts = await CollectAsync(alice.Runs.StreamAsync(thread.ThreadId, Hitl, new RunCreateOptions
        {
            Input = new Dictionary<string, object?> { ["topic"] = "plan" },
            StreamMode = modes,
            StreamSubgraphs = true,
        }));

        // The SDK reads interrupts (Interrupt) out of updates and values events; the other event data is free-form.
        var interrupts = parts.Where(p => p.Data.ValueKind == JsonValueKind.Object && p.Data.TryGetProperty("__interrupt__", out _)).ToList();
        interrupts.Should().NotBeEmpty();
        foreach (var part in interrupts)
        {
            ModelConformance.ShouldMapEveryMember<List<Interrupt>>(part.Data.GetProperty("__interrupt__"), $"{part.Event} event");
        }

        parts.Select(p => p.Event.Split('|')[0]).Distinct().Should().Contain(["metadata", "values", "updates", "tasks", "checkpoints", "debug"]);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

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

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using static LangGraph.Sdk.Tests.RemoteGraphs.RemoteGraphTestKit;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary>Headers a graph on a given client sends per call, and the W3C trace context of the current activity.</summary>
public class RemoteGraphHeadersTests
{
    private const string State = "{\"values\":{},\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c1\"}}";
    private const string Values = "event: values\ndata: {\"a\":1}\n\n";

    private static RunConfig Thread() => new() { Configurable = { ["thread_id"] = "t1" } };

    private static RemoteGraphOptions Tracing() => new() { DistributedTracing = true };

    private static ScriptedGraph EveryCallGraph(RemoteGraphOptions? options) => new(
        options,
        StubHttpHandler.Sse(Values),
        StubHttpHandler.Sse("event: updates\ndata: {\"a\":{}}\n\n"),
        StubHttpHandler.Json(State),
        StubHttpHandler.Json("[" + State + "]"),
        StubHttpHandler.Json("{\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c2\"}}"),
        StubHttpHandler.Json("{\"nodes\":[],\"edges\":[]}"));

    /// <summary>Makes one call of every kind, each with the given per-call options.</summary>
    private static async Task CallEverythingAsync(RemoteGraph graph, Func<LangGraphRequestOptions?>? options = null)
    {
        options ??= () => null;
        await graph.InvokeAsync(null, Thread(), (RemoteGraphInvokeOptions?)Copy(options(), new RemoteGraphInvokeOptions()));
        await CollectAsync(graph.StreamAsync(null, Thread(), (RemoteGraphStreamOptions?)Copy(options(), new RemoteGraphStreamOptions())));
        await graph.GetStateAsync(Thread(), options: options());
        await CollectAsync(graph.GetStateHistoryAsync(Thread(), options: options()));
        await graph.UpdateStateAsync(Thread(), new { a = 2 }, options: options());
        await graph.GetGraphAsync(true, options());
    }

    private static LangGraphRequestOptions? Copy(LangGraphRequestOptions? source, LangGraphRequestOptions target)
    {
        if (source is null)
        {
            return null;
        }

        foreach (var (name, value) in source.Headers)
        {
            target.Headers[name] = value;
        }

        return target;
    }

    private static readonly string[] EveryCall =
    [
        "POST /threads/t1/runs/stream",
        "POST /threads/t1/runs/stream",
        "GET /threads/t1/state?subgraphs=false",
        "POST /threads/t1/history",
        "POST /threads/t1/state",
        "GET /assistants/agent/graph?xray=true",
    ];

    [Fact]
    public async Task A_graph_on_a_given_client_sends_its_headers_and_api_key_on_every_kind_of_call()
    {
        using var graph = EveryCallGraph(new RemoteGraphOptions { Headers = { ["Authorization"] = "Bearer x", ["X-Tenant"] = "acme" }, ApiKey = "k" });

        await CallEverythingAsync(graph.Graph);

        graph.Seen.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal(EveryCall);
        graph.Seen.Should().AllSatisfy(r =>
        {
            r.Header("Authorization").Should().Be("Bearer x");
            r.Header("X-Tenant").Should().Be("acme");
            r.Header("x-api-key").Should().Be("k");
        });
    }

    [Fact]
    public async Task A_WithConfig_copy_sends_the_same_headers()
    {
        using var graph = EveryCallGraph(new RemoteGraphOptions { Headers = { ["Authorization"] = "Bearer x" }, ApiKey = "k" });
        using var copy = graph.Graph.WithConfig(new RunConfig { Tags = ["t"] });

        await CallEverythingAsync(copy);

        graph.Seen.Should().HaveCount(6).And.AllSatisfy(r =>
        {
            r.Header("Authorization").Should().Be("Bearer x");
            r.Header("x-api-key").Should().Be("k");
        });
    }

    [Fact]
    public async Task A_graph_without_headers_sends_none_of_its_own()
    {
        using var graph = EveryCallGraph(null);

        await CallEverythingAsync(graph.Graph);

        graph.Seen.Should().HaveCount(6).And.AllSatisfy(r =>
        {
            r.Header("Authorization").Should().BeNull();
            r.Header("x-api-key").Should().BeNull();
        });
    }

    [Fact]
    public async Task Per_call_headers_win_over_the_graph_headers()
    {
        using var graph = EveryCallGraph(new RemoteGraphOptions { Headers = { ["Authorization"] = "Bearer graph", ["X-Tenant"] = "acme" }, ApiKey = "graph-key" });

        await CallEverythingAsync(graph.Graph, () => new LangGraphRequestOptions { Headers = { ["authorization"] = "Bearer call", ["x-api-key"] = "call-key" } });

        graph.Seen.Should().HaveCount(6).And.AllSatisfy(r =>
        {
            r.Header("Authorization").Should().Be("Bearer call");
            r.Header("x-api-key").Should().Be("call-key");
            r.Header("X-Tenant").Should().Be("acme");
        });
    }

    [Fact]
    public async Task Graph_headers_win_over_the_client_default_headers()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Json("{\"nodes\":[],\"edges\":[]}"));
        using var client = TestClients.Create(ScriptedGraph.Url, o => o.DefaultHeaders["Authorization"] = "Bearer client", httpClient: new System.Net.Http.HttpClient(handler));
        using var graph = new RemoteGraph("agent", client, new RemoteGraphOptions { Headers = { ["Authorization"] = "Bearer graph" } });

        await graph.GetGraphAsync();

        handler.Seen.Should().ContainSingle().Which.Header("Authorization").Should().Be("Bearer graph");
    }

    private static Activity StartActivity()
    {
        var activity = new Activity("remote-graph-test").SetIdFormat(ActivityIdFormat.W3C);
        activity.TraceStateString = "vendor=abc";
        activity.AddBaggage("user", "alice");
        return activity.Start();
    }

    [Fact]
    public async Task Every_call_carries_the_trace_context_of_the_current_activity()
    {
        using var graph = EveryCallGraph(Tracing());
        using var activity = StartActivity();

        await CallEverythingAsync(graph.Graph);

        activity.Id.Should().StartWith("00-").And.Contain(activity.TraceId.ToHexString());
        graph.Seen.Should().HaveCount(6).And.AllSatisfy(r =>
        {
            r.Header("traceparent").Should().Be(activity.Id);
            r.Header("tracestate").Should().Be("vendor=abc");
            r.Header("baggage").Should().Be("user=alice");
        });
    }

    [Fact]
    public async Task Baggage_is_percent_encoded_and_tracestate_left_out_when_empty()
    {
        using var graph = new ScriptedGraph(Tracing(), StubHttpHandler.Sse(Values));
        using var activity = new Activity("t").SetIdFormat(ActivityIdFormat.W3C).AddBaggage("a key", "x,y=z").Start();

        await graph.Graph.InvokeAsync(null);

        var request = graph.Single;
        request.Header("traceparent").Should().Be(activity.Id);
        request.Header("tracestate").Should().BeNull();
        request.Header("baggage").Should().Be("a%20key=x%2Cy%3Dz");
    }

    [Fact]
    public async Task Without_a_current_activity_no_trace_headers_are_sent()
    {
        Activity.Current = null;
        using var graph = EveryCallGraph(Tracing());

        await CallEverythingAsync(graph.Graph);

        graph.Seen.Should().HaveCount(6).And.AllSatisfy(r =>
        {
            r.Header("traceparent").Should().BeNull();
            r.Header("tracestate").Should().BeNull();
            r.Header("baggage").Should().BeNull();
        });
    }

    [Fact]
    public async Task A_hierarchical_activity_is_not_propagated()
    {
        using var graph = new ScriptedGraph(Tracing(), StubHttpHandler.Sse(Values));
        using var activity = new Activity("t").SetIdFormat(ActivityIdFormat.Hierarchical).Start();

        await graph.Graph.InvokeAsync(null);

        graph.Single.Header("traceparent").Should().BeNull();
    }

    [Fact]
    public async Task By_default_RemoteGraph_writes_no_trace_headers_itself()
    {
        // .NET's own handler propagates the current activity; a custom handler (like this one) shows what RemoteGraph adds.
        using var graph = EveryCallGraph(null);
        using var activity = StartActivity();

        await CallEverythingAsync(graph.Graph);

        graph.Seen.Should().HaveCount(6).And.AllSatisfy(r => r.Header("traceparent").Should().BeNull());
        new RemoteGraphOptions().DistributedTracing.Should().BeFalse("Python's distributed_tracing defaults to False too");
    }

    [Fact]
    public async Task DistributedTracing_false_sends_no_trace_headers()
    {
        using var graph = EveryCallGraph(new RemoteGraphOptions { DistributedTracing = false });
        using var activity = StartActivity();

        await CallEverythingAsync(graph.Graph);

        graph.Seen.Should().HaveCount(6).And.AllSatisfy(r =>
        {
            r.Header("traceparent").Should().BeNull();
            r.Header("tracestate").Should().BeNull();
            r.Header("baggage").Should().BeNull();
        });
    }

    [Fact]
    public async Task DistributedTracing_false_is_kept_by_WithConfig()
    {
        using var graph = new ScriptedGraph(new RemoteGraphOptions { DistributedTracing = false }, StubHttpHandler.Sse(Values));
        using var copy = graph.Graph.WithConfig(null);
        using var activity = StartActivity();

        await copy.InvokeAsync(null);

        graph.Single.Header("traceparent").Should().BeNull();
    }

    [Fact]
    public async Task A_caller_set_traceparent_wins_and_caller_baggage_is_extended()
    {
        const string Caller = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        using var graph = new ScriptedGraph(Tracing(), StubHttpHandler.Sse(Values));
        using var activity = StartActivity();
        var options = new RemoteGraphInvokeOptions { Headers = { ["traceparent"] = Caller, ["baggage"] = "k=v" } };

        await graph.Graph.InvokeAsync(null, options: options);

        var request = graph.Single;
        request.Header("traceparent").Should().Be(Caller);
        request.Header("tracestate").Should().BeNull("the activity's trace state belongs to its own trace parent");
        request.Header("baggage").Should().Be("k=v,user=alice");
        options.Headers.Should().HaveCount(2, "the caller's options are not changed");
    }

    [Fact]
    public async Task The_trace_context_is_that_of_the_activity_current_at_each_call()
    {
        using var graph = new ScriptedGraph(Tracing(), StubHttpHandler.Sse(Values));
        string firstId;
        using (var first = StartActivity())
        {
            firstId = first.Id!;
            await graph.Graph.InvokeAsync(null);
        }

        using var second = StartActivity();
        await graph.Graph.InvokeAsync(null);

        graph.Seen.Select(r => r.Header("traceparent")).Should().Equal(firstId, second.Id);
        second.Id.Should().NotBe(firstId);
    }
}

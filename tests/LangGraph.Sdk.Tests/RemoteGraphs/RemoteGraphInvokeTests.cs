using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using static LangGraph.Sdk.Tests.RemoteGraphs.RemoteGraphTestKit;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary><see cref="RemoteGraph.InvokeAsync(object?, RunConfig?, RemoteGraphInvokeOptions?, System.Threading.CancellationToken)"/> and friends against literal SSE.</summary>
public class RemoteGraphInvokeTests
{
    private const string Metadata = "{\"run_id\":\"r-meta\",\"attempt\":1}";

    private static readonly string SimpleRun = Sse(("metadata", Metadata), ("values", "{\"messages\":[\"hi\"]}"), ("updates", "{\"echo\":{\"messages\":[\"echo: hi\"]}}"), ("values", "{\"messages\":[\"hi\",\"echo: hi\"]}"));

    private static readonly string InterruptedRun = Sse(
        ("metadata", Metadata),
        ("values", "{\"messages\":[\"hi\"]}"),
        ("updates", "{\"ask\":{\"messages\":[\"asking\"]}}"),
        ("values", "{\"messages\":[\"hi\",\"asking\"]}"),
        ("updates", "{\"__interrupt__\":[{\"value\":\"approve?\",\"id\":\"i1\"}]}"),
        ("values", "{\"__interrupt__\":[{\"value\":\"approve?\",\"id\":\"i1\"}]}"));

    [Fact]
    public async Task InvokeAsync_without_a_thread_streams_a_stateless_run_with_values_and_updates()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(SimpleRun));

        var result = await graph.Graph.InvokeAsync(new Dictionary<string, object?> { ["messages"] = new[] { "hi" } });

        Compact(result).Should().Be("{\"messages\":[\"hi\",\"echo: hi\"]}");
        var request = graph.Single;
        request.Method.Should().Be("POST");
        request.PathAndQuery.Should().Be("/runs/stream");
        request.Header("Accept").Should().Be("text/event-stream");
        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false," +
            "\"input\":{\"messages\":[\"hi\"]},\"if_not_exists\":\"create\"}",
            request.Body);
    }

    [Fact]
    public async Task InvokeAsync_with_a_thread_id_posts_to_the_thread_and_sends_the_sanitised_config()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(SimpleRun));
        var config = new RunConfig
        {
            Tags = ["t"],
            RecursionLimit = 40,
            Metadata = { ["m"] = 1, ["callback"] = new Action(() => { }) },
            Configurable =
            {
                ["thread_id"] = "t1",
                ["checkpoint_id"] = "c1",
                ["checkpoint_ns"] = "",
                ["checkpoint_map"] = new Dictionary<string, string>(),
                ["__pregel_task_id"] = "x",
                ["model"] = "large",
            },
        };

        await graph.Graph.InvokeAsync(new { messages = new[] { "hi" } }, config);

        var request = graph.Single;
        request.PathAndQuery.Should().Be("/threads/t1/runs/stream");
        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false," +
            "\"input\":{\"messages\":[\"hi\"]},\"config\":{\"tags\":[\"t\"],\"recursion_limit\":40,\"configurable\":{\"model\":\"large\"},\"metadata\":{\"m\":1}}," +
            "\"if_not_exists\":\"create\"}",
            request.Body);
        config.Configurable.Should().ContainKey("thread_id", "the caller's config is not changed");
    }

    [Fact]
    public async Task InvokeAsync_sends_dictionary_like_config_values_as_json_objects()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(SimpleRun));
        IDictionary<string, object?> expando = new System.Dynamic.ExpandoObject();
        expando["model"] = "large";

        await graph.Graph.InvokeAsync(null, new RunConfig { Configurable = { ["settings"] = expando } });

        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false," +
            "\"config\":{\"configurable\":{\"settings\":{\"model\":\"large\"}}},\"if_not_exists\":\"create\"}",
            graph.Single.Body);
    }

    [Fact]
    public async Task InvokeAsync_drops_values_that_are_not_data_inside_dictionary_like_config_values()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(SimpleRun));
        IDictionary<string, object?> expando = new System.Dynamic.ExpandoObject();
        expando["model"] = "large";
        expando["callback"] = new Action(() => { });

        var act = () => graph.Graph.InvokeAsync(null, new RunConfig { Configurable = { ["settings"] = expando } });

        await act.Should().NotThrowAsync("a delegate is dropped, as it is from a Dictionary<string, object?>");
        graph.Seen.Should().ContainSingle();
    }

    [Fact]
    public async Task InvokeAsync_keeps_dictionary_entries_with_keys_that_are_not_strings()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(SimpleRun));
        var byId = new Dictionary<int, string> { [1] = "one", [2] = "two" };

        await graph.Graph.InvokeAsync(null, new RunConfig { Metadata = { ["by_id"] = byId } });

        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false," +
            "\"config\":{\"metadata\":{\"by_id\":{\"1\":\"one\",\"2\":\"two\"}}},\"if_not_exists\":\"create\"}",
            graph.Single.Body);
    }

    [Fact]
    public async Task InvokeAsync_merges_the_graph_config_with_the_call_config()
    {
        using var graph = new ScriptedGraph(
            new RemoteGraphOptions { Config = new RunConfig { Tags = ["graph"], Configurable = { ["thread_id"] = "graph-thread", ["model"] = "small" } } },
            StubHttpHandler.Sse(SimpleRun));

        await graph.Graph.InvokeAsync(null, new RunConfig { Tags = ["call"], Configurable = { ["thread_id"] = "call-thread" } });

        var request = graph.Single;
        request.PathAndQuery.Should().Be("/threads/call-thread/runs/stream");
        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false," +
            "\"config\":{\"tags\":[\"graph\",\"call\"],\"configurable\":{\"model\":\"small\"}},\"if_not_exists\":\"create\"}",
            request.Body);
    }

    [Fact]
    public async Task InvokeAsync_sends_a_command_as_command_and_no_input()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(SimpleRun));

        await graph.Graph.InvokeAsync(new RunCommand { Resume = "yes" }, new RunConfig { Configurable = { ["thread_id"] = "t1" } });

        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false," +
            "\"command\":{\"resume\":\"yes\"},\"if_not_exists\":\"create\"}",
            graph.Single.Body);
    }

    [Fact]
    public async Task InvokeAsync_sends_the_option_fields()
    {
        // The JS server sends no ids on stateless streams and no `end`: a clean end of id-less events cannot be resumed,
        // so the run's status is asked once (faults #4).
        using var graph = new ScriptedGraph(
            StubHttpHandler.Sse(SimpleRun, contentLocation: "/threads/t1/runs/r-cl"),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")));
        RunCreateMetadata? created = null;
        var options = new RemoteGraphInvokeOptions
        {
            Context = new { user = "alice" },
            InterruptBefore = ["review"],
            InterruptAfter = ["*"],
            MultitaskStrategy = MultitaskStrategy.Enqueue,
            Durability = Durability.Exit,
            Metadata = { ["origin"] = "test" },
            Webhook = new Uri("https://hooks.example/done"),
            OnDisconnect = DisconnectMode.Continue,
            OnCompletion = OnCompletionBehavior.Keep,
            StreamResumable = true,
            OnRunCreated = m => created = m,
        };

        await graph.Graph.InvokeAsync("in", new RunConfig { Configurable = { ["thread_id"] = "t1" } }, options);

        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":true," +
            "\"input\":\"in\",\"metadata\":{\"origin\":\"test\"},\"context\":{\"user\":\"alice\"},\"interrupt_before\":[\"review\"],\"interrupt_after\":\"*\"," +
            "\"on_disconnect\":\"continue\",\"on_completion\":\"keep\",\"webhook\":\"https://hooks.example/done\",\"multitask_strategy\":\"enqueue\"," +
            "\"if_not_exists\":\"create\",\"durability\":\"exit\"}",
            graph.Seen[0].Body);
        graph.Seen.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal("POST /threads/t1/runs/stream", "GET /threads/t1/runs/r-cl");
        created.Should().Be(new RunCreateMetadata("r-cl", "t1"));
        options.Headers.Should().BeEmpty("the caller's options are not changed");
    }

    [Fact]
    public async Task InvokeAsync_returns_the_last_root_values_and_ignores_subgraph_values()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(
            ("values", "{\"n\":1}"),
            ("values|inner:1", "{\"inner\":true}"),
            ("values", "{\"n\":2}"),
            ("values|inner:1|leaf:2", "{\"leaf\":true}"),
            ("updates", "{\"node\":{\"n\":2}}"))));

        var result = await graph.Graph.InvokeAsync(null);

        Compact(result).Should().Be("{\"n\":2}");
    }

    [Fact]
    public async Task InvokeAsync_at_an_interrupt_returns_the_previous_state_plus_the_interrupts()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(InterruptedRun));

        var result = await graph.Graph.InvokeAsync(null);

        Compact(result).Should().Be("{\"messages\":[\"hi\",\"asking\"],\"__interrupt__\":[{\"value\":\"approve?\",\"id\":\"i1\"}]}");
    }

    [Fact]
    public async Task InvokeAsync_keeps_values_that_already_carry_their_interrupts()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(
            ("values", "{\"a\":1}"),
            ("updates", "{\"__interrupt__\":[{\"value\":\"old\",\"id\":\"i0\"}]}"),
            ("values", "{\"a\":2,\"__interrupt__\":[{\"value\":\"q\",\"id\":\"i1\"}]}"))));

        var result = await graph.Graph.InvokeAsync(null);

        Compact(result).Should().Be("{\"a\":2,\"__interrupt__\":[{\"value\":\"q\",\"id\":\"i1\"}]}");
    }

    [Fact]
    public async Task InvokeAsync_with_only_an_interrupt_returns_just_the_interrupt()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(("values", "{\"__interrupt__\":[{\"value\":\"q\",\"id\":\"i1\"}]}"))));

        var result = await graph.Graph.InvokeAsync(null);

        Compact(result).Should().Be("{\"__interrupt__\":[{\"value\":\"q\",\"id\":\"i1\"}]}");
    }

    [Fact]
    public async Task InvokeAsync_ignores_subgraph_interrupt_updates()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(
            ("values", "{\"a\":1}"),
            ("updates|inner:1", "{\"__interrupt__\":[{\"value\":\"q\",\"id\":\"i1\"}]}"))));

        var result = await graph.Graph.InvokeAsync(null);

        Compact(result).Should().Be("{\"a\":1}");
    }

    [Fact]
    public async Task InvokeAsync_without_any_values_returns_json_null()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(("metadata", Metadata), ("updates", "{\"node\":{}}"))));

        var result = await graph.Graph.InvokeAsync(null);

        result.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task InvokeOutputAsync_splits_values_and_interrupts()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(InterruptedRun));

        var output = await graph.Graph.InvokeOutputAsync(null);

        Compact(output.Value).Should().Be("{\"messages\":[\"hi\",\"asking\"]}");
        output.IsInterrupted.Should().BeTrue();
        output.Interrupts.Should().ContainSingle();
        output.Interrupts[0].Id.Should().Be("i1");
        output.Interrupts[0].Value.GetString().Should().Be("approve?");
    }

    [Fact]
    public async Task InvokeOutputAsync_of_a_finished_run_has_no_interrupts()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(SimpleRun));

        var output = await graph.Graph.InvokeOutputAsync(null);

        Compact(output.Value).Should().Be("{\"messages\":[\"hi\",\"echo: hi\"]}");
        output.Interrupts.Should().BeEmpty();
        output.IsInterrupted.Should().BeFalse();
    }

    [Fact]
    public async Task InvokeOutputAsync_without_values_has_a_null_value()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(("metadata", Metadata))));

        var output = await graph.Graph.InvokeOutputAsync(null);

        output.Value.ValueKind.Should().Be(JsonValueKind.Null);
        output.Interrupts.Should().BeEmpty();
    }

    private const string EchoRun = "event: values\ndata: {\"messages\":[\"hi\",\"echo: hi\"],\"auth_user_id\":\"alice\"}\n\n";

    [Fact]
    public async Task InvokeAsync_with_type_info_deserialises_snake_case()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(EchoRun));

        var state = await graph.Graph.InvokeAsync("hi", RemoteGraphTestJsonContext.Default.EchoGraphState);

        state!.Messages.Should().Equal("hi", "echo: hi");
        state.AuthUserId.Should().Be("alice");
    }

    [Fact]
    public async Task InvokeAsync_with_reflection_deserialises_snake_case()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(EchoRun));

        var state = await graph.Graph.InvokeAsync<EchoGraphState>("hi");

        state!.Messages.Should().Equal("hi", "echo: hi");
        state.AuthUserId.Should().Be("alice");
    }

    [Fact]
    public async Task Typed_InvokeAsync_without_values_returns_default()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(("metadata", Metadata))));

        (await graph.Graph.InvokeAsync("hi", RemoteGraphTestJsonContext.Default.EchoGraphState)).Should().BeNull();
        (await graph.Graph.InvokeAsync<EchoGraphState>("hi")).Should().BeNull();
    }

    [Fact]
    public async Task An_error_event_double_wrapped_by_the_js_server_raises_a_RemoteGraphException()
    {
        var error = "{\"error\":\"Error\",\"message\":\"{\\\"error\\\":\\\"CustomError\\\",\\\"message\\\":\\\"Boo!\\\"}\"}";
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(("metadata", Metadata), ("values", "{\"a\":1}"), ("error", error), ("values", "{\"a\":2}"))));

        var act = () => graph.Graph.InvokeAsync(null, new RunConfig { Configurable = { ["thread_id"] = "t1" } });

        var thrown = (await act.Should().ThrowAsync<RemoteGraphException>()).Which;
        thrown.Should().BeAssignableTo<LangGraphRunException>();
        thrown.ErrorName.Should().Be("CustomError");
        thrown.ErrorMessage.Should().Be("Boo!");
        thrown.RunId.Should().Be("r-meta");
        thrown.ThreadId.Should().Be("t1");
        thrown.GraphName.Should().Be("agent");
        thrown.Error.GetProperty("error").GetString().Should().Be("Error");
        thrown.Message.Should().Be("Remote graph 'agent' failed (run r-meta): CustomError: Boo!");
    }

    [Fact]
    public async Task A_plain_error_event_raises_a_RemoteGraphException_with_the_run_id_of_Content_Location()
    {
        using var graph = new ScriptedGraph(
            new RemoteGraphOptions { Name = "my-graph" },
            StubHttpHandler.Sse(Sse(("error", "{\"error\":\"ValueError\",\"message\":\"bad\"}")), contentLocation: "/runs/r-cl"));

        var act = () => graph.Graph.InvokeAsync(null);

        var thrown = (await act.Should().ThrowAsync<RemoteGraphException>()).Which;
        thrown.ErrorName.Should().Be("ValueError");
        thrown.ErrorMessage.Should().Be("bad");
        thrown.RunId.Should().Be("r-cl");
        thrown.ThreadId.Should().BeNull();
        thrown.GraphName.Should().Be("my-graph");
        thrown.Message.Should().Contain("my-graph").And.Contain("ValueError: bad").And.Contain("r-cl");
    }

    [Fact]
    public async Task An_error_without_a_known_run_names_the_graph()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(("error", "{\"error\":\"ValueError\",\"message\":\"bad\"}"))));

        var thrown = (await graph.Graph.Invoking(g => g.InvokeAsync(null)).Should().ThrowAsync<RemoteGraphException>()).Which;

        thrown.RunId.Should().BeNull();
        thrown.Message.Should().Be("Remote graph 'agent' failed: ValueError: bad");
    }

    [Fact]
    public async Task A_server_refusal_is_an_api_exception_not_a_run_failure()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Json("{\"detail\":\"Assistant not found\"}", System.Net.HttpStatusCode.NotFound));

        var act = () => graph.Graph.InvokeAsync(null);

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(404);
        graph.Seen.Select(r => r.PathAndQuery).Should().AllBe("/runs/stream");
    }
}

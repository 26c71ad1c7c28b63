using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using WireMock.RequestBuilders;

namespace LangGraph.Sdk.Tests.Runs;

/// <summary>Every runs route: method, path, query, exact body and headers, against WireMock.Net.</summary>
public class RunsClientTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string RunJson =
        "{\"run_id\":\"r1\",\"thread_id\":\"t1\",\"assistant_id\":\"a1\",\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:06Z\"," +
        "\"status\":\"pending\",\"metadata\":{\"owner\":\"alice\"},\"multitask_strategy\":\"reject\",\"kwargs\":{\"input\":{}}}";

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts)
    {
        var list = new List<StreamPart>();
        await foreach (var part in parts)
        {
            list.Add(part);
        }

        return list;
    }

#pragma warning disable CS0618 // CheckpointDuring is deprecated; its wire name is still checked.
    private static RunCreateOptions EveryField() => new()
    {
        Input = new Dictionary<string, object?> { ["messages"] = new[] { "hi" } },
        Command = new RunCommand { Resume = "yes" },
        StreamMode = [StreamMode.Values, StreamMode.MessagesTuple, "custom"],
        StreamSubgraphs = true,
        StreamResumable = true,
        Metadata = { ["m"] = 1 },
        Config = new RunConfig { Tags = ["t"], RecursionLimit = 5, Configurable = { ["model"] = "x" } },
        Context = new Dictionary<string, object?> { ["c"] = true },
        Checkpoint = new Checkpoint { ThreadId = "t1", CheckpointNs = "", CheckpointId = "cp1" },
        CheckpointId = "cp1",
        CheckpointDuring = true,
        InterruptBefore = ["*"],
        InterruptAfter = ["a", "b"],
        FeedbackKeys = ["score"],
        OnDisconnect = DisconnectMode.Continue,
        OnCompletion = OnCompletionBehavior.Keep,
        Webhook = new Uri("https://hooks.example/done"),
        MultitaskStrategy = MultitaskStrategy.Enqueue,
        IfNotExists = IfNotExists.Create,
        AfterSeconds = 3,
        Durability = Durability.Async,
        LangSmithTracing = new LangSmithTracing { ProjectName = "p", ExampleId = "e" },
        Headers = { ["X-Trace"] = "1" },
    };
#pragma warning restore CS0618

    private const string CommonFields =
        "\"assistant_id\":\"agent\",\"input\":{\"messages\":[\"hi\"]},\"command\":{\"resume\":\"yes\"},\"metadata\":{\"m\":1}," +
        "\"config\":{\"tags\":[\"t\"],\"recursion_limit\":5,\"configurable\":{\"model\":\"x\"}},\"context\":{\"c\":true}," +
        "\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"cp1\"},\"checkpoint_id\":\"cp1\",\"checkpoint_during\":true," +
        "\"interrupt_before\":\"*\",\"interrupt_after\":[\"a\",\"b\"],\"on_completion\":\"keep\",\"webhook\":\"https://hooks.example/done\"," +
        "\"multitask_strategy\":\"enqueue\",\"if_not_exists\":\"create\",\"after_seconds\":3,\"durability\":\"async\"," +
        "\"langsmith_tracer\":{\"project_name\":\"p\",\"example_id\":\"e\"}";

    private const string StreamFields = "\"stream_mode\":[\"values\",\"messages-tuple\",\"custom\"],\"stream_subgraphs\":true,\"stream_resumable\":true";

    [Fact]
    public async Task StreamAsync_posts_every_field_with_its_wire_name()
    {
        RespondToAll(body: "event: values\ndata: {}\n\n", contentType: "text/event-stream");
        var client = CreateClient();

        var parts = await CollectAsync(client.Runs.StreamAsync("t1", "agent", EveryField()));

        parts.Should().ContainSingle();
        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/runs/stream");
        Header(request, "Accept").Should().Be("text/event-stream");
        Header(request, "X-Trace").Should().Be("1");
        JsonAssert.Equal("{" + CommonFields + "," + StreamFields + ",\"feedback_keys\":[\"score\"],\"on_disconnect\":\"continue\"}", request.Body);
    }

    [Fact]
    public async Task StreamAsync_without_options_sends_the_python_defaults_and_no_nulls()
    {
        RespondToAll(body: "", contentType: "text/event-stream");
        var client = CreateClient();

        await CollectAsync(client.Runs.StreamAsync(null, "agent"));

        var request = SingleRequest();
        request.Path.Should().Be("/runs/stream");
        JsonAssert.Equal("{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\"],\"stream_subgraphs\":false,\"stream_resumable\":false}", request.Body);
    }

    [Fact]
    public async Task CreateAsync_posts_the_create_fields_and_parses_the_run()
    {
        Respond(Request.Create().WithPath("/threads/t1/runs").UsingPost(), body: RunJson, headers: new Dictionary<string, string> { ["Content-Location"] = "/threads/t1/runs/r1" });
        var client = CreateClient();
        RunCreateMetadata? created = null;
        var options = EveryField();
        options.OnRunCreated = m => created = m;

        var run = await client.Runs.CreateAsync("t1", "agent", options);

        run.RunId.Should().Be("r1");
        run.ThreadId.Should().Be("t1");
        run.AssistantId.Should().Be("a1");
        run.Status.Should().Be(RunStatus.Pending);
        run.MultitaskStrategy.Should().Be(MultitaskStrategy.Reject);
        run.Metadata["owner"].GetString().Should().Be("alice");
        run.CreatedAt.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        run.Kwargs!.Value.GetProperty("input").ValueKind.Should().Be(JsonValueKind.Object);
        created.Should().Be(new RunCreateMetadata("r1", "t1"));
        JsonAssert.Equal("{" + CommonFields + "," + StreamFields + "}", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_with_a_null_thread_is_stateless_as_in_python()
    {
        RespondToAll(body: RunJson);
        var client = CreateClient();

        await client.Runs.CreateAsync(null, "agent"); // "" is refused (RunsThreadIdTests), where Python's create goes stateless

        SingleRequest().Path.Should().Be("/runs");
    }

    [Fact]
    public async Task WaitAsync_posts_the_wait_fields_and_returns_the_final_state()
    {
        RespondToAll(body: "\n\n{\"messages\":[\"hi\",\"echo: hi\"]}", contentType: "text/plain; charset=UTF-8");
        var client = CreateClient();

        var state = await client.Runs.WaitAsync("t1", "agent", EveryField());

        state.GetProperty("messages")[1].GetString().Should().Be("echo: hi");
        var request = SingleRequest();
        request.Path.Should().Be("/threads/t1/runs/wait");
        JsonAssert.Equal("{" + CommonFields + ",\"on_disconnect\":\"continue\"}", request.Body);
    }

    [Fact]
    public async Task WaitAsync_stateless_uses_runs_wait()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        await client.Runs.WaitAsync(null, "agent");

        SingleRequest().Path.Should().Be("/runs/wait");
        JsonAssert.Equal("{\"assistant_id\":\"agent\"}", SingleRequest().Body);
    }

    [Fact]
    public async Task WaitAsync_raises_the_double_wrapped_error_of_the_JS_server_with_the_graphs_name()
    {
        RespondToAll(
            body: "\n{\"__error__\":{\"error\":\"Error\",\"message\":\"{\\\"error\\\":\\\"CustomError\\\",\\\"message\\\":\\\"Boo!\\\"}\"}}",
            contentType: "text/plain; charset=UTF-8",
            headers: new Dictionary<string, string> { ["Content-Location"] = "/threads/t1/runs/r7" });
        var client = CreateClient();

        var act = () => client.Runs.WaitAsync("t1", "failing");

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ex.ErrorName.Should().Be("CustomError");
        ex.ErrorMessage.Should().Be("Boo!");
        ex.RunId.Should().Be("r7");
        ex.ThreadId.Should().Be("t1");
        ex.Error.GetProperty("error").GetString().Should().Be("Error");
    }

    [Fact]
    public async Task WaitAsync_raises_a_plain_python_style_error()
    {
        RespondToAll(body: "{\"__error__\":{\"error\":\"ValueError\",\"message\":\"bad input\"}}");
        var client = CreateClient();

        var act = () => client.Runs.WaitAsync(null, "agent");

        (await act.Should().ThrowAsync<LangGraphRunException>()).Which.Message.Should().Be("The run failed: ValueError: bad input");
    }

    [Fact]
    public async Task WaitAsync_with_ThrowOnError_false_returns_the_error_result()
    {
        RespondToAll(body: "{\"__error__\":{\"error\":\"ValueError\",\"message\":\"bad input\"}}");
        var client = CreateClient();

        var result = await client.Runs.WaitAsync(null, "agent", new RunCreateOptions { ThrowOnError = false });

        result.GetProperty("__error__").GetProperty("error").GetString().Should().Be("ValueError");
    }

    [Fact]
    public async Task WaitAsync_returns_an_interrupt_as_data()
    {
        RespondToAll(body: "{\"__interrupt__\":[{\"id\":\"i1\",\"value\":{\"question\":\"approve?\"}}]}");
        var client = CreateClient();

        var result = await client.Runs.WaitAsync("t1", "interrupt");

        result.GetProperty("__interrupt__")[0].GetProperty("value").GetProperty("question").GetString().Should().Be("approve?");
    }

    [Fact]
    public async Task WaitAsync_reports_invalid_json_clearly()
    {
        RespondToAll(body: "\n\n{\"messages\":", contentType: "text/plain");
        var client = CreateClient();

        var act = () => client.Runs.WaitAsync("t1", "agent");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("is not valid JSON").And.Contain("/threads/t1/runs/wait");
    }

    [Fact]
    public async Task WaitAsync_turns_an_http_error_into_the_typed_exception_with_the_plain_text_detail()
    {
        RespondToAll(status: 422, body: "Thread is already running a task. Wait for it to finish or choose a different multitask strategy.", contentType: "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Runs.WaitAsync("t1", "agent");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(422);
        ex.Message.Should().Contain("Thread is already running a task");
    }

    [Fact]
    public async Task CreateBatchAsync_posts_an_array_of_run_bodies()
    {
        RespondToAll(body: "[" + RunJson + "," + RunJson + "]");
        var client = CreateClient();

        var runs = await client.Runs.CreateBatchAsync(
        [
            new RunBatchItem("agent"),
            new RunBatchItem("other") { ThreadId = "t9", Options = new RunCreateOptions { Input = new Dictionary<string, object?> { ["x"] = 1 }, Webhook = new Uri("https://h.example/") } },
        ]);

        runs.Should().HaveCount(2);
        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/runs/batch");
        JsonAssert.Equal(
            "[{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\"],\"stream_subgraphs\":false,\"stream_resumable\":false}," +
            "{\"assistant_id\":\"other\",\"thread_id\":\"t9\",\"stream_mode\":[\"values\"],\"stream_subgraphs\":false,\"stream_resumable\":false,\"input\":{\"x\":1},\"webhook\":\"https://h.example/\"}]",
            request.Body);
    }

    [Fact]
    public async Task CreateBatchAsync_refuses_per_item_headers()
    {
        var client = CreateClient();

        var act = () => client.Runs.CreateBatchAsync([new RunBatchItem("a") { Options = new RunCreateOptions { Headers = { ["X"] = "1" } } }]);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("index 0").And.Contain("RunCreateBatchOptions");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task ListAsync_sends_limit_offset_status_and_repeated_select()
    {
        RespondToAll(body: "[" + RunJson + "]");
        var client = CreateClient();

        var runs = await client.Runs.ListAsync("t1", new RunListOptions { Limit = 5, Offset = 2, Status = RunStatus.Success, Select = { "run_id", "status" } });

        runs.Should().ContainSingle();
        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/runs");
        request.RawQuery.Should().Be("?limit=5&offset=2&status=success&select=run_id&select=status");
    }

    [Fact]
    public async Task ListAsync_defaults_to_limit_10_offset_0()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        (await client.Runs.ListAsync("t1")).Should().BeEmpty();

        SingleRequest().RawQuery.Should().Be("?limit=10&offset=0");
    }

    [Fact]
    public async Task GetAsync_gets_the_run_with_escaped_ids()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Json(RunJson));
        var client = CreateClient(httpClient: new System.Net.Http.HttpClient(handler));

        await client.Runs.GetAsync("t 1", "r/1");

        handler.Seen.Should().ContainSingle().Which.Line.Should().Be("GET /threads/t%201/runs/r%2F1");
    }

    [Fact]
    public async Task An_unknown_run_status_from_the_server_is_kept()
    {
        RespondToAll(body: RunJson.Replace("\"pending\"", "\"paused_by_future_server\""));
        var client = CreateClient();

        (await client.Runs.GetAsync("t1", "r1")).Status.Value.Should().Be("paused_by_future_server");
    }

    [Theory]
    [InlineData(false, "?wait=0&action=interrupt")]
    [InlineData(true, "?wait=1&action=rollback")]
    public async Task CancelAsync_posts_wait_and_action_in_the_query_and_no_body(bool wait, string query)
    {
        RespondToAll(status: wait ? 204 : 202, body: null);
        var client = CreateClient();

        await client.Runs.CancelAsync("t1", "r1", new RunCancelOptions { Wait = wait, Action = wait ? CancelAction.Rollback : CancelAction.Interrupt });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/runs/r1/cancel");
        request.RawQuery.Should().Be(query);
        request.Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task CancelManyAsync_posts_the_selection_and_the_action()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Runs.CancelManyAsync(new RunCancelManyOptions { ThreadId = "t1", RunIds = ["r1", "r2"], Status = BulkCancelRunsStatus.All, Action = CancelAction.Rollback });

        var request = SingleRequest();
        request.Path.Should().Be("/runs/cancel");
        request.RawQuery.Should().Be("?action=rollback");
        JsonAssert.Equal("{\"thread_id\":\"t1\",\"run_ids\":[\"r1\",\"r2\"],\"status\":\"all\"}", request.Body);
    }

    [Fact]
    public async Task CancelManyAsync_without_options_sends_an_empty_selection()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Runs.CancelManyAsync();

        SingleRequest().RawQuery.Should().Be("?action=interrupt");
        JsonAssert.Equal("{}", SingleRequest().Body);
    }

    [Fact]
    public async Task JoinAsync_gets_the_join_route_and_returns_the_final_state()
    {
        RespondToAll(body: "\n{\"messages\":[\"done\"]}", contentType: "text/plain; charset=UTF-8");
        var client = CreateClient();

        var state = await client.Runs.JoinAsync("t1", "r1", new RunJoinOptions { CancelOnDisconnect = true });

        state.GetProperty("messages")[0].GetString().Should().Be("done");
        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/runs/r1/join");
        request.RawQuery.Should().Be("?cancel_on_disconnect=true");
    }

    [Fact]
    public async Task JoinAsync_of_a_run_without_values_returns_json_null()
    {
        RespondToAll(body: "null");
        var client = CreateClient();

        (await client.Runs.JoinAsync("t1", "r1")).ValueKind.Should().Be(JsonValueKind.Null);
        SingleRequest().RawQuery.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task JoinAsync_raises_a_failed_runs_error()
    {
        RespondToAll(body: "{\"__error__\":{\"error\":\"GraphRecursionError\",\"message\":\"too deep\"}}");
        var client = CreateClient();

        var act = () => client.Runs.JoinAsync("t1", "r1");

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ex.ErrorName.Should().Be("GraphRecursionError");
        ex.RunId.Should().Be("r1");
    }

    [Fact]
    public async Task JoinStreamAsync_sends_last_event_id_cancel_on_disconnect_and_modes()
    {
        RespondToAll(body: "event: values\ndata: {}\nid: 4\n\n", contentType: "text/event-stream");
        Respond(Request.Create().UsingGet().WithPath("/threads/t1/runs/r1"), body: StubHttpHandler.RunJson("success"));
        var client = CreateClient();

        var parts = await CollectAsync(client.Runs.JoinStreamAsync("t1", "r1", new RunJoinStreamOptions
        {
            LastEventId = "3",
            CancelOnDisconnect = true,
            StreamMode = [StreamMode.Values, StreamMode.Updates],
        }));

        parts.Should().ContainSingle().Which.Id.Should().Be("4");
        // The clean end without an `end` event is checked against the run's status (faults #4): one GET of the run.
        Server.LogEntries.Should().HaveCount(2);
        var request = Server.LogEntries.First().RequestMessage;
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/runs/r1/stream");
        request.RawQuery.Should().Be("?cancel_on_disconnect=true&stream_mode=values&stream_mode=updates");
        Header(request, "Last-Event-ID").Should().Be("3");
        Header(request, "Accept").Should().Be("text/event-stream");
    }

    [Fact]
    public async Task JoinStreamAsync_without_a_thread_joins_a_stateless_run()
    {
        RespondToAll(body: "", contentType: "text/event-stream");
        var client = CreateClient();

        await CollectAsync(client.Runs.JoinStreamAsync(null, "r1"));

        var request = SingleRequest();
        request.Path.Should().Be("/runs/r1/stream");
        request.RawQuery.Should().Be("?cancel_on_disconnect=false");
        Header(request, "Last-Event-ID").Should().BeNull();
    }

    [Fact]
    public async Task DeleteAsync_deletes_the_run()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Runs.DeleteAsync("t1", "r1");

        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/threads/t1/runs/r1");
    }

    [Fact]
    public async Task A_blank_assistant_id_is_refused_before_any_request()
    {
        var client = CreateClient();

        var act = () => client.Runs.CreateAsync("t1", " ");

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("assistantId");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task Run_ids_are_validated()
    {
        var client = CreateClient();

        var act = () => client.Runs.GetAsync("t1", "..");

        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task Per_call_query_parameters_are_merged_into_list()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Runs.ListAsync("t1", new RunListOptions { QueryParams = { ["limit"] = 3, ["extra"] = "x" } });

        SingleRequest().RawQuery.Should().Be("?limit=3&offset=0&extra=x");
    }

    [Fact]
    public async Task Selected_fields_leave_the_others_empty_never_null()
    {
        RespondToAll(body: "[{\"status\":\"success\"}]");
        var client = CreateClient();

        var run = (await client.Runs.ListAsync("t1", new RunListOptions { Select = { "status" } })).Single();

        run.Status.Should().Be(RunStatus.Success);
        run.RunId.Should().BeEmpty();
        run.ThreadId.Should().BeEmpty();
        run.AssistantId.Should().BeEmpty();
        run.Metadata.Should().BeEmpty();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Streaming;

/// <summary>The stream engine's drops, clean ends and reconnects, played with literal SSE bytes.</summary>
public class StreamReconnectTests
{
    private const string Url = "http://server";
    private const string StreamLocation = "/threads/t1/runs/r1/stream";
    private const string RunLocation = "/threads/t1/runs/r1";

    private static string Event(int id, string name = "values") => $"event: {name}\ndata: {{\"n\":{id}}}\nid: {id}\n\n";

    private static string Events(params int[] ids) => string.Concat(ids.Select(i => Event(i)));

    private static LangGraphClient Client(StubHttpHandler handler, Action<LangGraphClientOptions>? configure = null) =>
        TestClients.Create(Url, configure, httpClient: new HttpClient(handler));

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts, List<StreamPart>? into = null)
    {
        into ??= [];
        await foreach (var part in parts)
        {
            into.Add(part);
        }

        return into;
    }

    private static IAsyncEnumerable<StreamPart> Stream(LangGraphClient client, RunCreateOptions? options = null) =>
        client.Runs.StreamAsync("t1", "agent", options);

    [Fact]
    public async Task A_drop_is_resumed_with_GET_Location_and_Last_Event_ID_and_never_a_second_run()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(2, 3) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Select(p => p.Id).Should().Equal("0", "1", "2", "3", "3");
        parts[^1].Event.Should().Be("end");
        handler.Seen.Should().HaveCount(2);
        handler.Seen.Count(r => r.Method == "POST").Should().Be(1);
        var reconnect = handler.Seen[1];
        reconnect.Method.Should().Be("GET");
        reconnect.Url.Should().Be(new Uri(Url + StreamLocation));
        reconnect.Header("Last-Event-ID").Should().Be("1");
        reconnect.Header("Accept").Should().Be("text/event-stream");
        reconnect.Body.Should().BeNull();
        reconnect.Header("Content-Type").Should().BeNull();
    }

    [Fact]
    public async Task An_empty_id_resets_the_cursor_so_a_drop_is_reported_and_no_stale_Last_Event_ID_is_sent()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1) + "id:\nevent: values\ndata: {\"n\":2}\n\n", dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(3) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("3 events");
        parts.Select(p => p.Id).Should().Equal("0", "1", null);
        handler.Seen.Should().ContainSingle("a stream whose cursor was reset cannot be resumed: a stale Last-Event-ID would replay or skip events");
    }

    [Fact]
    public async Task After_an_empty_id_a_new_id_is_the_cursor_of_the_reconnect()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1) + "id:\nevent: values\ndata: {\"n\":2}\n\n" + Event(7), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Event(8) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Select(p => p.Id).Should().Equal("0", "1", null, "7", "8", "8");
        handler.Seen.Should().HaveCount(2);
        handler.Seen[1].Header("Last-Event-ID").Should().Be("7");
    }

    [Fact]
    public async Task A_stream_reconnect_waits_the_backoff_delay()
    {
        var time = new RecordingTimeProvider();
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(1), dropAfter: true, location: StreamLocation),
            StubHttpHandler.Sse(Events(2) + "event: end\ndata: null\n\n"));
        using var client = TestClients.Create(Url, o => { o.Retry.BaseDelay = TimeSpan.FromMilliseconds(100); o.Retry.MaxDelay = TimeSpan.FromSeconds(10); }, httpClient: new HttpClient(handler), timeProvider: time);

        await CollectAsync(Stream(client));

        handler.Seen.Should().HaveCount(3);
        time.Delays.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_clean_end_without_an_end_event_is_resumed_from_the_last_id_before_any_status_check()
    {
        // The official SDKs' open bug (lg#9016): a clean EOF before the end gave a partial stream and no error.
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(2)),
            StubHttpHandler.Sse(string.Empty),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")),
            StubHttpHandler.Sse(string.Empty));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Select(p => p.Id).Should().Equal("0", "1", "2");
        handler.Seen.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal(
            "POST /threads/t1/runs/stream",
            "GET /threads/t1/runs/r1/stream",
            "GET /threads/t1/runs/r1/stream",
            "GET /threads/t1/runs/r1",
            "GET /threads/t1/runs/r1/stream");
        handler.Seen[1].Header("Last-Event-ID").Should().Be("1");
        handler.Seen[2].Header("Last-Event-ID").Should().Be("2");
        handler.Seen[4].Header("Last-Event-ID").Should().Be("2");
    }

    [Fact]
    public async Task Faults2_a_clean_end_of_a_run_that_already_finished_still_replays_the_lost_tail()
    {
        // Defect 2: the status said "success", so the old client stopped at 2 events and lost 2 and 3 (the final state).
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(2, 3)),
            StubHttpHandler.Sse(string.Empty),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")),
            StubHttpHandler.Sse(string.Empty));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Select(p => p.Id).Should().Equal("0", "1", "2", "3");
        handler.Seen.Count(r => r.Method == "POST").Should().Be(1);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Faults2_a_failed_status_check_raises_the_partial_stream_error_instead_of_ending(HttpStatusCode status)
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(string.Empty),
            StubHttpHandler.Json("{\"detail\":\"nope\"}", status));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("is incomplete after 2 events (last event id 1; run r1 on thread t1)")
            .And.Contain("status could not be checked").And.Contain($"HTTP {(int)status}");
        ex.InnerException.Should().BeAssignableTo<LangGraphApiException>();
        parts.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_clean_end_of_a_finished_run_ends_the_stream_after_one_status_check_and_a_second_empty_replay()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(string.Empty),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")),
            StubHttpHandler.Sse(string.Empty));
        using var client = Client(handler);

        (await CollectAsync(Stream(client))).Should().HaveCount(2);
        handler.Seen.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal(
            "POST /threads/t1/runs/stream",
            "GET /threads/t1/runs/r1/stream",
            "GET /threads/t1/runs/r1",
            "GET /threads/t1/runs/r1/stream");
    }

    [Fact]
    public async Task A_resume_cut_before_its_first_event_is_not_taken_for_the_end_of_a_run_that_has_finished_meanwhile()
    {
        // Found by the fault suite: the first resume ends cleanly before its first event (cut), and by then the run has
        // finished. That empty resume is no proof that nothing is left: the resume asked for after the status said
        // "success" brings the tail.
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(string.Empty),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")),
            StubHttpHandler.Sse(Events(2, 3)),
            StubHttpHandler.Sse(string.Empty));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Select(p => p.Id).Should().Equal("0", "1", "2", "3");
        handler.Seen[3].Header("Last-Event-ID").Should().Be("1");
        handler.Seen[4].Header("Last-Event-ID").Should().Be("3");
        handler.Seen.Should().HaveCount(5, "the resume after the tail is final: it was asked for after the run had finished");
    }

    [Fact]
    public async Task Faults3_a_drop_before_the_first_event_resumes_from_the_start_with_Last_Event_ID_minus_1()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(string.Empty, dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(0, 1) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Select(p => p.Id).Should().Equal("0", "1", "1");
        handler.Seen[1].Method.Should().Be("GET");
        handler.Seen[1].Header("Last-Event-ID").Should().Be("-1");
    }

    [Fact]
    public async Task Without_Location_a_clean_end_of_a_finished_run_ends_the_stream_after_one_status_check()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), contentLocation: RunLocation),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")));
        using var client = Client(handler);

        (await CollectAsync(Stream(client))).Should().HaveCount(2);
        handler.Seen.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal("POST /threads/t1/runs/stream", "GET /threads/t1/runs/r1");
    }

    [Fact]
    public async Task Faults4_without_Location_a_clean_end_while_the_run_still_runs_raises_the_partial_stream_error()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), contentLocation: RunLocation),
            StubHttpHandler.Json(StubHttpHandler.RunJson("running")));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("is incomplete after 2 events (last event id 1; run r1 on thread t1)").And.Contain("stream_resumable");
        parts.Should().HaveCount(2);
        handler.Seen.Count(r => r.Method == "GET").Should().Be(6, "the status is asked again up to MaxStreamReconnects times, in case the server records the end late");
        handler.Seen.Count(r => r.Method == "POST").Should().Be(1);
    }

    [Fact]
    public async Task Without_Location_a_status_that_records_the_end_late_still_ends_the_stream_normally()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), contentLocation: RunLocation),
            StubHttpHandler.Json(StubHttpHandler.RunJson("running")),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")));
        using var client = Client(handler);

        (await CollectAsync(Stream(client))).Should().HaveCount(2);
        handler.Seen.Should().HaveCount(3);
    }

    [Fact]
    public async Task Faults4_without_Location_a_resumable_run_is_resumed_through_the_join_route()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(2) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client, new RunCreateOptions { StreamResumable = true }));

        parts.Select(p => p.Id).Should().Equal("0", "1", "2", "2");
        handler.Seen.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal("POST /threads/t1/runs/stream", "GET /threads/t1/runs/r1/stream");
        handler.Seen[1].Header("Last-Event-ID").Should().Be("1");
    }

    [Fact]
    public async Task Without_Location_a_stateless_clean_end_is_the_end_as_there_is_no_run_to_ask()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Events(0, 1), contentLocation: "/runs/r9"));
        using var client = Client(handler);

        (await CollectAsync(client.Runs.StreamAsync(null, "agent"))).Should().HaveCount(2);
        handler.Seen.Should().ContainSingle();
    }

    [Fact]
    public async Task Without_Location_a_drop_raises_an_error_that_says_how_far_the_stream_got()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Events(0, 1), dropAfter: true));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("cut off after 2 events (last event id 1)").And.Contain("POST http://server/threads/t1/runs/stream");
        ex.InnerException.Should().BeAssignableTo<System.IO.IOException>();
        parts.Should().HaveCount(2, "every event before the drop reaches the caller");
        handler.Seen.Should().ContainSingle();
    }

    [Fact]
    public async Task Without_Location_a_stream_cut_in_the_middle_of_an_event_is_reported_as_truncated()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Events(0) + "event: values\ndata: {\"n\":"));
        using var client = Client(handler);

        var act = () => CollectAsync(Stream(client));

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message
            .Should().Contain("was truncated after 1 event (last event id 0)").And.Contain("middle of an event");
    }

    [Fact]
    public async Task A_truncated_event_is_resumed_like_a_drop_when_the_server_gave_a_Location()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0) + "event: values\ndata: {\"n\":", location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(1) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Select(p => p.Data.ValueKind == System.Text.Json.JsonValueKind.Null ? -1 : p.Data.GetProperty("n").GetInt32()).Should().Equal(0, 1, -1);
        handler.Seen[1].Header("Last-Event-ID").Should().Be("0");
    }

    [Fact]
    public async Task Events_a_server_replays_after_a_reconnect_are_not_yielded_twice()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1, 2), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Events(0, 1, 2, 3, 4) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Where(p => p.Event == "values").Select(p => p.Id).Should().Equal("0", "1", "2", "3", "4");
    }

    [Fact]
    public async Task Redis_style_ids_are_ordered_too()
    {
        static string E(string id) => $"event: values\ndata: 1\nid: {id}\n\n";
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(E("1700000000000-0") + E("1700000000000-1"), dropAfter: true, location: StreamLocation),
            StubHttpHandler.Sse(E("1700000000000-1") + E("1700000000001-0") + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Where(p => p.Event == "values").Select(p => p.Id).Should().Equal("1700000000000-0", "1700000000000-1", "1700000000001-0");
    }

    [Fact]
    public async Task Five_failed_reconnects_in_a_row_end_the_stream_with_a_clear_error()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(string.Empty, dropAfter: true));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("could not be resumed after 2 events (last event id 1; run r1 on thread t1): 5 reconnect attempts failed");
        parts.Should().HaveCount(2);
        handler.Seen.Count(r => r.Method == "POST").Should().Be(1);
        handler.Seen.Count(r => r.Method == "GET").Should().Be(5);
        handler.Seen.Where(r => r.Method == "GET").Should().OnlyContain(r => r.Header("Last-Event-ID") == "1");
    }

    [Fact]
    public async Task Reconnect_attempts_count_again_after_a_reconnect_that_delivers_events()
    {
        // Seven drops, each after one new event: more than five reconnects in all, never five failures in a row.
        var steps = new List<Func<HttpRequestMessage, HttpResponseMessage>>
        {
            StubHttpHandler.Sse(Events(0), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
        };
        for (var i = 1; i <= 7; i++)
        {
            steps.Add(StubHttpHandler.Sse(Events(i), dropAfter: i < 7));
        }

        steps[^1] = StubHttpHandler.Sse(Events(7) + "event: end\ndata: null\n\n");
        var handler = new StubHttpHandler([.. steps]);
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client));

        parts.Count(p => p.Event == "values").Should().Be(8);
    }

    [Fact]
    public async Task MaxStreamReconnects_zero_turns_reconnects_off()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Events(0), dropAfter: true, location: StreamLocation));
        using var client = Client(handler, o => o.Retry.MaxStreamReconnects = 0);

        var act = () => CollectAsync(Stream(client));

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("cut off after 1 event");
        handler.Seen.Should().ContainSingle();
    }

    [Fact]
    public async Task A_cross_origin_Location_is_refused_and_never_called()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), dropAfter: true, location: "http://evil.example" + StreamLocation),
            StubHttpHandler.Sse(Events(2)));
        using var client = Client(handler, o => o.DefaultHeaders["Authorization"] = "Bearer secret-token");
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("refusing to follow the cross-origin reconnect Location http://evil.example").And.NotContain("secret-token");
        parts.Should().HaveCount(2);
        handler.Seen.Should().ContainSingle();
    }

    [Theory]
    [InlineData("http://server:80/threads/t1/runs/r1/stream")]
    [InlineData("http://SERVER/threads/t1/runs/r1/stream")]
    [InlineData("/threads/t1/runs/r1/stream")]
    public async Task Same_origin_Locations_are_followed(string location)
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0), dropAfter: true, location: location),
            StubHttpHandler.Sse(Events(1) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        (await CollectAsync(Stream(client))).Should().HaveCount(3);
        handler.Seen[1].Url.AbsolutePath.Should().Be(StreamLocation);
    }

    [Fact]
    public async Task A_reconnect_answered_with_a_server_error_counts_as_an_attempt_and_is_tried_again()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0), dropAfter: true, location: StreamLocation),
            StubHttpHandler.Json("{\"detail\":\"busy\"}", HttpStatusCode.ServiceUnavailable),
            StubHttpHandler.Sse(Events(1) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        (await CollectAsync(Stream(client))).Should().HaveCount(3);
        handler.Seen.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_reconnect_answered_404_raises_the_typed_error()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0), dropAfter: true, location: StreamLocation),
            StubHttpHandler.Json("{\"detail\":\"Run not found\"}", HttpStatusCode.NotFound));
        using var client = Client(handler);

        var act = () => CollectAsync(Stream(client));

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Message.Should().Contain("Run not found");
    }

    [Fact]
    public async Task A_stateless_stream_with_Location_ends_when_a_reconnect_brings_nothing_new()
    {
        // No thread, so no run route to ask: one reconnect tells whether the run had more to say.
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), location: "/runs/r1/stream", contentLocation: "/runs/r1"),
            StubHttpHandler.Sse(string.Empty));
        using var client = Client(handler);

        (await CollectAsync(client.Runs.StreamAsync(null, "agent"))).Should().HaveCount(2);
        handler.Seen.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal("POST /runs/stream", "GET /runs/r1/stream");
    }

    [Fact]
    public async Task An_error_event_is_yielded_then_raised_with_the_graphs_error_name_and_the_run_id()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse(
            Event(0, "metadata") + "event: error\ndata: {\"error\":\"CustomError\",\"message\":\"Boo!\"}\nid: 1\n\n",
            contentLocation: RunLocation));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        var ex = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        ex.ErrorName.Should().Be("CustomError");
        ex.ErrorMessage.Should().Be("Boo!");
        ex.RunId.Should().Be("r1");
        ex.ThreadId.Should().Be("t1");
        ex.Message.Should().Be("Run r1 failed: CustomError: Boo!");
        parts.Select(p => p.Event).Should().Equal("metadata", "error");
    }

    [Fact]
    public async Task ThrowOnError_false_only_yields_the_error_event()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse("event: error\ndata: {\"error\":\"CustomError\",\"message\":\"Boo!\"}\n\n"));
        using var client = Client(handler);

        var parts = await CollectAsync(Stream(client, new RunCreateOptions { ThrowOnError = false }));

        parts.Should().ContainSingle().Which.Event.Should().Be("error");
    }

    [Fact]
    public async Task An_error_event_does_not_end_the_stream_before_what_follows_it()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse(
            "event: error\ndata: {\"error\":\"E\",\"message\":\"m\"}\n\nevent: brand_new\ndata: 1\n\n"));
        using var client = Client(handler);
        var parts = new List<StreamPart>();

        var act = () => CollectAsync(Stream(client), parts);

        await act.Should().ThrowAsync<LangGraphRunException>();
        parts.Select(p => p.Event).Should().Equal("error", "brand_new");
    }

    [Fact]
    public async Task OnRunCreated_gets_the_ids_from_Content_Location_before_the_first_event()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(0, 1), contentLocation: RunLocation),
            StubHttpHandler.Json(StubHttpHandler.RunJson("success")));
        using var client = Client(handler);
        var seen = new List<string>();

        await foreach (var part in Stream(client, new RunCreateOptions { OnRunCreated = m => seen.Add($"created {m.ThreadId}/{m.RunId}") }))
        {
            seen.Add($"event {part.Id}");
        }

        seen.Should().Equal("created t1/r1", "event 0", "event 1");
    }

    [Fact]
    public async Task OnRunCreated_reports_a_null_thread_for_a_stateless_run()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Events(0), contentLocation: "/runs/r9"));
        using var client = Client(handler);
        RunCreateMetadata? created = null;

        await CollectAsync(client.Runs.StreamAsync(null, "agent", new RunCreateOptions { OnRunCreated = m => created = m }));

        created.Should().Be(new RunCreateMetadata("r9", null));
    }

    [Fact]
    public async Task A_response_that_is_not_an_event_stream_is_a_clear_error()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Json("{\"messages\":[]}"));
        using var client = Client(handler);

        var act = () => CollectAsync(Stream(client));

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message
            .Should().Contain("Expected a text/event-stream response").And.Contain("application/json");
    }

    [Fact]
    public async Task JoinStream_resumes_with_the_callers_id_and_checks_the_run_it_was_given()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Events(5), location: StreamLocation),
            StubHttpHandler.Sse(string.Empty),
            StubHttpHandler.Json(StubHttpHandler.RunJson("interrupted")),
            StubHttpHandler.Sse(string.Empty));
        using var client = Client(handler);

        var parts = await CollectAsync(client.Runs.JoinStreamAsync("t1", "r1", new RunJoinStreamOptions { LastEventId = "4" }));

        parts.Should().ContainSingle().Which.Id.Should().Be("5");
        handler.Seen[0].Header("Last-Event-ID").Should().Be("4");
        handler.Seen[1].Header("Last-Event-ID").Should().Be("5");
        handler.Seen[2].PathAndQuery.Should().Be("/threads/t1/runs/r1");
        handler.Seen[3].Header("Last-Event-ID").Should().Be("5");
        handler.Seen.Should().HaveCount(4);
    }
}

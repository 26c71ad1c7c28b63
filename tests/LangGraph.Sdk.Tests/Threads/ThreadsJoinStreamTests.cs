using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsJoinStreamTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    // The JS server's thread stream: LF line ends, "id:" after "data:", no end event.
    private const string SseBody =
        "event: metadata\n" +
        "data: {\"run_id\":\"01a21c4a-6eaa-7746-b70f-a5a4cd3f7c2b\",\"attempt\":1}\n" +
        "id: 0\n" +
        "\n" +
        "event: values\n" +
        "data: {\"messages\":[\"go\"]}\n" +
        "id: 1\n" +
        "\n" +
        "event: updates\n" +
        "data: {\"step1\":{\"messages\":[\"step 1\"]}}\n" +
        "\n" +
        "event: error\n" +
        "data: {\"error\":\"CustomError\",\"message\":\"Boo!\"}\n" +
        "id: 3\n" +
        "\n";

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts)
    {
        var list = new List<StreamPart>();
        await foreach (var part in parts)
        {
            list.Add(part);
        }

        return list;
    }

    [Fact]
    public async Task JoinStreamAsync_gets_the_thread_stream_with_run_modes_by_default()
    {
        RespondToAll(body: "", contentType: "text/event-stream");
        var client = CreateClient();

        await CollectAsync(client.Threads.JoinStreamAsync("t1"));

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/threads/t1/stream");
        request.RawQuery.Should().Be("?stream_mode=run_modes");
        Header(request, "Accept").Should().Be("text/event-stream");
        Header(request, "Cache-Control").Should().Be("no-store");
        Header(request, "Last-Event-ID").Should().BeNull();
        request.Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task JoinStreamAsync_repeats_stream_mode_for_several_modes()
    {
        RespondToAll(body: "", contentType: "text/event-stream");
        var client = CreateClient();

        await CollectAsync(client.Threads.JoinStreamAsync("t1", new ThreadJoinStreamOptions
        {
            StreamMode = { ThreadStreamMode.Lifecycle, ThreadStreamMode.StateUpdate, "custom_mode" },
        }));

        SingleRequest().RawQuery.Should().Be("?stream_mode=lifecycle&stream_mode=state_update&stream_mode=custom_mode");
    }

    [Fact]
    public async Task JoinStreamAsync_sends_Last_Event_ID()
    {
        RespondToAll(body: "", contentType: "text/event-stream");
        var client = CreateClient();

        await CollectAsync(client.Threads.JoinStreamAsync("t1", new ThreadJoinStreamOptions { LastEventId = "-1" }));

        Header(SingleRequest(), "Last-Event-ID").Should().Be("-1");
    }

    [Fact]
    public async Task JoinStreamAsync_parses_events_and_keeps_ids_across_events()
    {
        RespondToAll(body: SseBody, contentType: "text/event-stream");
        var client = CreateClient();

        var parts = await CollectAsync(client.Threads.JoinStreamAsync("t1"));

        parts.Should().HaveCount(4);
        parts[0].Event.Should().Be("metadata");
        parts[0].Data.GetProperty("run_id").GetString().Should().Be("01a21c4a-6eaa-7746-b70f-a5a4cd3f7c2b");
        parts[0].Id.Should().Be("0");
        parts[1].Event.Should().Be("values");
        parts[1].Data.GetProperty("messages")[0].GetString().Should().Be("go");
        parts[1].Id.Should().Be("1");
        parts[2].Event.Should().Be("updates");
        parts[2].Id.Should().Be("1", "an event without an id keeps the last id seen");
        parts[3].Event.Should().Be("error");
        parts[3].Data.GetProperty("message").GetString().Should().Be("Boo!");
        parts[3].Id.Should().Be("3");
    }

    [Fact]
    public async Task JoinStreamAsync_accepts_a_content_type_with_charset()
    {
        RespondToAll(body: "event: values\ndata: {}\n\n", contentType: "text/event-stream; charset=utf-8");
        var client = CreateClient();

        var parts = await CollectAsync(client.Threads.JoinStreamAsync("t1"));

        parts.Should().ContainSingle().Which.Id.Should().BeNull();
    }

    [Fact]
    public async Task JoinStreamAsync_with_a_wrong_content_type_throws_naming_it()
    {
        RespondToAll(body: "{}", contentType: "application/json");
        var client = CreateClient();

        var act = () => CollectAsync(client.Threads.JoinStreamAsync("t1"));

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Should().NotBeAssignableTo<LangGraphApiException>();
        ex.Message.Should().Contain("application/json").And.Contain("text/event-stream").And.Contain("/threads/t1/stream");
    }

    [Fact]
    public async Task JoinStreamAsync_with_invalid_json_data_throws_naming_the_event()
    {
        RespondToAll(body: "event: values\ndata: {\"ok\":true}\n\nevent: updates\ndata: {not json\n\n", contentType: "text/event-stream");
        var client = CreateClient();
        var seen = new List<StreamPart>();

        var act = async () =>
        {
            await foreach (var part in client.Threads.JoinStreamAsync("t1"))
            {
                seen.Add(part);
            }
        };

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("'updates'").And.Contain("/threads/t1/stream");
        ex.InnerException.Should().BeAssignableTo<System.Text.Json.JsonException>();
        seen.Should().ContainSingle("the valid event before the broken one is delivered").Which.Event.Should().Be("values");
    }

    [Fact]
    public async Task JoinStreamAsync_of_a_missing_thread_throws_not_found()
    {
        RespondToAll(404, "404 Not Found", "text/plain; charset=UTF-8");
        var client = CreateClient();

        var act = () => CollectAsync(client.Threads.JoinStreamAsync("t1"));

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("404 Not Found");
    }

    [Fact]
    public async Task JoinStreamAsync_is_not_subject_to_the_client_timeout()
    {
        Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create()
                .WithHeader("Content-Type", "text/event-stream")
                .WithBody("event: values\ndata: 1\n\n")
                .WithDelay(TimeSpan.FromMilliseconds(300)));
        var client = CreateClient(o => o.Timeout = TimeSpan.FromMilliseconds(50));

        var parts = await CollectAsync(client.Threads.JoinStreamAsync("t1"));

        parts.Should().ContainSingle().Which.Data.GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task JoinStreamAsync_stops_when_the_caller_cancels()
    {
        RespondToAll(body: SseBody, contentType: "text/event-stream");
        var client = CreateClient();
        using var cts = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var part in client.Threads.JoinStreamAsync("t1", cancellationToken: cts.Token))
            {
                await cts.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}

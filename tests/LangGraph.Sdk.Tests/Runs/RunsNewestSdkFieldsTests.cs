using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using WireMock.RequestBuilders;

namespace LangGraph.Sdk.Tests.Runs;

/// <summary>
/// The run fields of the newest official SDKs (Python 0.4.14, JS 1.15.0) on the wire, against WireMock.Net: the JS dev
/// server 1.5.1 ignores most of them, so their wire format is proven here (issue 18).
/// </summary>
public class RunsNewestSdkFieldsTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string RunJson =
        "{\"run_id\":\"r1\",\"thread_id\":\"t1\",\"assistant_id\":\"a1\",\"created_at\":\"2026-01-02T03:04:05Z\",\"updated_at\":\"2026-01-02T03:04:06Z\"," +
        "\"status\":\"interrupted\",\"metadata\":{}";

    private static async Task<List<StreamPart>> CollectAsync(IAsyncEnumerable<StreamPart> parts)
    {
        var list = new List<StreamPart>();
        await foreach (var part in parts)
        {
            list.Add(part);
        }

        return list;
    }

    private static RunCreateOptions Strict(bool? strict) => new() { Command = new RunCommand { Resume = "yes" }, StrictResume = strict };

    [Fact]
    public async Task StreamAsync_sends_strict_resume()
    {
        RespondToAll(body: "event: end\ndata: null\n\n", contentType: "text/event-stream");
        var client = CreateClient();

        await CollectAsync(client.Runs.StreamAsync("t1", "agent", Strict(true)));

        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"command\":{\"resume\":\"yes\"},\"stream_mode\":[\"values\"],\"stream_subgraphs\":false,\"stream_resumable\":false,\"strict_resume\":true}",
            SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_sends_strict_resume_false_when_set()
    {
        RespondToAll(body: RunJson + "}");
        var client = CreateClient();

        await client.Runs.CreateAsync("t1", "agent", Strict(false));

        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"command\":{\"resume\":\"yes\"},\"stream_mode\":[\"values\"],\"stream_subgraphs\":false,\"stream_resumable\":false,\"strict_resume\":false}",
            SingleRequest().Body);
    }

    [Fact]
    public async Task WaitAsync_sends_strict_resume()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        await client.Runs.WaitAsync("t1", "agent", Strict(true));

        JsonAssert.Equal("{\"assistant_id\":\"agent\",\"command\":{\"resume\":\"yes\"},\"strict_resume\":true}", SingleRequest().Body);
    }

    [Fact]
    public async Task StrictResume_null_is_not_sent()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        await client.Runs.WaitAsync("t1", "agent", Strict(null));

        SingleRequest().Body.Should().NotContain("strict_resume");
    }

    [Fact]
    public async Task CreateBatchAsync_never_sends_strict_resume_as_the_JS_SDK_does_not_map_it()
    {
        RespondToAll(body: "[" + RunJson + "}]");
        var client = CreateClient();

        await client.Runs.CreateBatchAsync([new RunBatchItem("agent") { Options = Strict(true) }]);

        SingleRequest().Body.Should().NotContain("strict_resume");
    }

    [Fact]
    public async Task A_strict_resume_failure_event_raises_the_UnknownInterruptError()
    {
        RespondToAll(
            body: "event: error\ndata: {\"error\":\"UnknownInterruptError\",\"message\":\"Unknown or already-consumed interrupt: abc\"}\n\n",
            contentType: "text/event-stream");
        var client = CreateClient();

        var act = () => CollectAsync(client.Runs.StreamAsync("t1", "agent", Strict(true)));

        var error = (await act.Should().ThrowAsync<LangGraphRunException>()).Which;
        error.ErrorName.Should().Be("UnknownInterruptError");
        error.ErrorMessage.Should().Contain("already-consumed interrupt: abc");
    }

    [Theory]
    [InlineData(false, "?wait=0&action=interrupt&reason=taken")]
    [InlineData(true, "?wait=1&action=interrupt&reason=taken")]
    public async Task CancelAsync_sends_the_reason_in_the_query(bool wait, string query)
    {
        RespondToAll(status: wait ? 204 : 202, body: null);
        var client = CreateClient();

        await client.Runs.CancelAsync("t1", "r1", new RunCancelOptions { Wait = wait, Reason = RunCancelReason.Taken });

        SingleRequest().RawQuery.Should().Be(query);
    }

    [Fact]
    public async Task CancelAsync_without_a_reason_sends_none()
    {
        RespondToAll(status: 202, body: null);
        var client = CreateClient();

        await client.Runs.CancelAsync("t1", "r1");

        SingleRequest().RawQuery.Should().Be("?wait=0&action=interrupt");
    }

    [Theory]
    [InlineData(",\"cancel_reason\":\"taken:r2\"", "taken:r2")]
    [InlineData(",\"cancel_reason\":null", null)]
    [InlineData("", null)]
    public async Task GetAsync_reads_the_cancel_reason(string field, string? expected)
    {
        Respond(Request.Create().WithPath("/threads/t1/runs/r1").UsingGet(), body: RunJson + field + "}");
        var client = CreateClient();

        var run = await client.Runs.GetAsync("t1", "r1");

        run.CancelReason.Should().Be(expected);
    }

    [Fact]
    public async Task ListAsync_selects_cancel_reason_and_reads_it()
    {
        RespondToAll(body: "[{\"run_id\":\"r1\",\"cancel_reason\":\"taken:r2\"}]");
        var client = CreateClient();

        var runs = await client.Runs.ListAsync("t1", new RunListOptions { Select = { "run_id", "cancel_reason" } });

        SingleRequest().RawQuery.Should().Be("?limit=10&offset=0&select=run_id&select=cancel_reason");
        runs.Should().ContainSingle().Which.CancelReason.Should().Be("taken:r2");
    }

    [Fact]
    public async Task The_tools_and_lifecycle_stream_modes_are_sent_and_their_events_pass_through()
    {
        RespondToAll(
            body: "event: tools\ndata: {\"event\":\"on_tool_start\",\"toolCallId\":\"c1\",\"name\":\"add\",\"input\":{\"a\":1}}\n\n" +
                  "event: lifecycle|child:1\ndata: {\"event\":\"started\",\"namespace\":[\"child:1\"]}\n\nevent: end\ndata: null\n\n",
            contentType: "text/event-stream");
        var client = CreateClient();

        var parts = await CollectAsync(client.Runs.StreamAsync("t1", "agent", new RunCreateOptions { StreamMode = [StreamMode.Tools, StreamMode.Lifecycle] }));

        SingleRequest().Body.Should().Contain("\"stream_mode\":[\"tools\",\"lifecycle\"]");
        parts.Select(p => p.Mode).Should().Equal("tools", "lifecycle", "end");
        parts[0].Data.GetProperty("name").GetString().Should().Be("add");
        parts[1].Namespace.Should().Equal("child:1");
        parts[1].Data.GetProperty("event").GetString().Should().Be("started");
    }
}

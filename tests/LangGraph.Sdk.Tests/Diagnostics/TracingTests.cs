using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Diagnostics;

/// <summary>The spans of the LangGraph.Sdk ActivitySource: names, GenAI attributes, stream events, retries, reconnects, errors, privacy.</summary>
public class TracingTests
{
    private const string Url = "http://server";
    private const string RunLocation = "/threads/t1/runs/r1";
    private const string StreamLocation = "/threads/t1/runs/r1/stream";

    private static string Event(int id, string name = "values") => $"event: {name}\ndata: {{\"n\":{id}}}\nid: {id}\n\n";

    private static LangGraphClient Client(StubHttpHandler handler, Action<LangGraphClientOptions>? configure = null) =>
        TestClients.Create(Url, configure, httpClient: new HttpClient(handler));

    private static async Task<int> DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        var count = 0;
        await foreach (var _ in items)
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task A_stream_is_one_client_span_with_the_GenAI_attributes_the_run_id_and_its_event_count()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Event(0) + Event(1) + "event: end\ndata: null\n\n", contentLocation: RunLocation));
        using var client = Client(handler);

        (await DrainAsync(client.Runs.StreamAsync("t1", "agent"))).Should().Be(3);

        var span = spans.Single("runs.stream");
        span.Kind.Should().Be(ActivityKind.Client);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("gen_ai.operation.name").Should().Be("invoke_agent");
        span.GetTagItem("gen_ai.agent.id").Should().Be("agent");
        span.GetTagItem("gen_ai.conversation.id").Should().Be("t1");
        span.GetTagItem("langgraph.run_id").Should().Be("r1");
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("http.request.method").Should().Be("POST");
        span.GetTagItem("server.address").Should().Be("server");
        span.GetTagItem("langgraph.stream.events").Should().Be(3L);
        span.Events.Select(e => e.Name).Should().Equal("first_event");
        spans.Spans.Should().ContainSingle();
    }

    [Fact]
    public async Task A_reconnect_is_a_span_event_of_the_one_stream_span_not_a_second_span()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(
            StubHttpHandler.Sse(Event(0) + Event(1), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Event(2) + "event: end\ndata: null\n\n"));
        using var client = Client(handler);

        (await DrainAsync(client.Runs.StreamAsync("t1", "agent"))).Should().Be(4);

        var span = spans.Single("runs.stream");
        var reconnect = span.Events.Should().ContainSingle(e => e.Name == "reconnect").Subject;
        reconnect.Tags.Should().Contain(new KeyValuePair<string, object?>("langgraph.reconnect.attempt", 1));
        reconnect.Tags.Should().Contain(new KeyValuePair<string, object?>("langgraph.reconnect.last_event_id_present", true));
        span.GetTagItem("langgraph.stream.events").Should().Be(4L);
        spans.Spans.Should().ContainSingle();
    }

    [Fact]
    public async Task A_retry_is_a_span_event_with_its_attempt_and_status_and_the_span_ends_with_the_final_status()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(
            StubHttpHandler.Status(HttpStatusCode.ServiceUnavailable),
            StubHttpHandler.Json("""{"thread_id":"t1","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","metadata":{},"status":"idle"}"""));
        using var client = Client(handler);

        await client.Threads.GetAsync("t1");

        var span = spans.Single("threads.get");
        span.GetTagItem("gen_ai.conversation.id").Should().Be("t1");
        span.GetTagItem("gen_ai.operation.name").Should().BeNull();
        span.GetTagItem("http.response.status_code").Should().Be(200);
        var retry = span.Events.Should().ContainSingle(e => e.Name == "retry").Subject;
        retry.Tags.Should().Contain(new KeyValuePair<string, object?>("langgraph.retry.attempt", 1));
        retry.Tags.Should().Contain(new KeyValuePair<string, object?>("http.response.status_code", 503));
        handler.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_failed_call_sets_the_error_type_the_status_code_and_Error_status_without_a_description()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(StubHttpHandler.Json("""{"detail":"Thread t9 not found"}""", HttpStatusCode.NotFound));
        using var client = Client(handler);

        var thrown = await FluentActions.Awaiting(() => client.Threads.GetAsync("t9")).Should().ThrowAsync<LangGraphApiException>();

        var span = spans.Single("threads.get");
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.StatusDescription.Should().BeNull();
        span.GetTagItem("error.type").Should().Be(thrown.Which.GetType().FullName);
        span.GetTagItem("http.response.status_code").Should().Be(404);
    }

    [Fact]
    public async Task A_stream_the_consumer_leaves_early_ends_its_span_with_the_events_read()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Event(0) + Event(1) + "event: end\ndata: null\n\n", contentLocation: RunLocation));
        using var client = Client(handler);

        await foreach (var _ in client.Runs.StreamAsync("t1", "agent"))
        {
            break;
        }

        var span = spans.Single("runs.stream");
        span.GetTagItem("langgraph.stream.events").Should().Be(1L);
        span.Status.Should().Be(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task A_cancelled_stream_ends_its_span_as_an_OperationCanceledException()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(StubHttpHandler.Sse(Event(0) + Event(1) + "event: end\ndata: null\n\n", contentLocation: RunLocation));
        using var client = Client(handler);
        using var cancel = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var _ in client.Runs.StreamAsync("t1", "agent", cancellationToken: cancel.Token))
            {
                await cancel.CancelAsync();
            }
        };

        await read.Should().ThrowAsync<OperationCanceledException>();
        var span = spans.Single("runs.stream");
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be("System.OperationCanceledException");
    }

    [Fact]
    public async Task Each_method_names_its_span_resource_dot_method()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(StubHttpHandler.Json("{}"));
        using var client = Client(handler);

        await client.Store.PutItemAsync(["a"], "k", new Dictionary<string, object?> { ["v"] = 1 });
        await client.Http.GetAsync("/ok");
        await client.Runs.CancelAsync("t1", "r1");
        await client.Crons.DeleteAsync("c1");

        spans.Spans.Select(s => s.OperationName).Should().Equal("store.put_item", "http.get", "runs.cancel", "crons.delete");
        spans.Single("runs.cancel").GetTagItem("langgraph.run_id").Should().Be("r1");
    }

    [Fact]
    public async Task No_attribute_or_event_carries_the_API_key_a_Bearer_token_the_input_or_a_query_value()
    {
        const string apiKey = "lsv2-secret-api-key-0123456789";
        const string input = "the user's private question";
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(
            StubHttpHandler.ConnectionRefused(),
            StubHttpHandler.Sse(Event(0) + Event(1), dropAfter: true, location: StreamLocation, contentLocation: RunLocation),
            StubHttpHandler.Sse(Event(2) + "event: end\ndata: null\n\n"));
        using var client = Client(handler, o => o.ApiKey = apiKey);
        var options = new RunCreateOptions { Input = new Dictionary<string, object?> { ["messages"] = new[] { input } } };
        options.Headers["Authorization"] = "Bearer private-token-987";
        options.QueryParams["secret_query"] = "query-value-42";

        await DrainAsync(client.Runs.StreamAsync("t1", "agent", options));

        spans.Single("runs.stream").Events.Select(e => e.Name).Should().Contain("retry").And.Contain("reconnect");
        var values = spans.AllValues().ToList();
        values.Should().NotBeEmpty();
        values.Should().NotContain(v => v.Contains(apiKey, StringComparison.Ordinal)
            || v.Contains("Bearer", StringComparison.OrdinalIgnoreCase)
            || v.Contains("private-token", StringComparison.Ordinal)
            || v.Contains(input, StringComparison.Ordinal)
            || v.Contains("query-value", StringComparison.Ordinal)
            || v.Contains("http://", StringComparison.Ordinal));
    }
}

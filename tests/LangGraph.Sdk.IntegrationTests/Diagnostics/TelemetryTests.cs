using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace LangGraph.Sdk.IntegrationTests.Diagnostics;

/// <summary>
/// The SDK's spans and metrics through the real OpenTelemetry SDK (<c>AddSource</c>/<c>AddMeter("LangGraph.Sdk")</c>,
/// in-memory exporters) against the real server. Spans are those of each test's own root trace.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(LangGraphServerFixture server, ITestOutputHelper log) : IDisposable
{
    private static readonly ActivitySource TestSource = new("LangGraph.Sdk.IntegrationTests.Telemetry");

    private readonly List<Activity> _exported = [];
    private readonly List<Metric> _metrics = [];
    private TracerProvider? _tracer;
    private MeterProvider? _meter;

    private static Dictionary<string, object?> Messages(params string[] messages) => new() { ["messages"] = messages };

    private Activity StartRoot()
    {
        _tracer = OpenTelemetry.Sdk.CreateTracerProviderBuilder()
            .AddSource(LangGraphTelemetry.SourceName)
            .AddSource(TestSource.Name)
            .AddInMemoryExporter(_exported)
            .Build();
        _meter = OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddMeter(LangGraphTelemetry.MeterName)
            .AddInMemoryExporter(_metrics)
            .Build();
        return TestSource.StartActivity("test")!;
    }

    private List<Activity> SpansOf(Activity root)
    {
        _tracer!.ForceFlush();
        var spans = _exported.Where(a => a.TraceId == root.TraceId && a.Source.Name == LangGraphTelemetry.SourceName).ToList();
        foreach (var span in spans)
        {
            log.WriteLine($"{span.OperationName} parent={span.ParentSpanId} status={span.Status} " +
                string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " events=" + string.Join(",", span.Events.Select(e => e.Name)));
        }

        return spans;
    }

    private List<(Dictionary<string, object?> Tags, double Value, long Count)> Points(string name)
    {
        // Cumulative temporality: each flush exports the totals again, so only the last flush is read.
        _metrics.Clear();
        _meter!.ForceFlush();
        var points = new List<(Dictionary<string, object?>, double, long)>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }

                var histogram = metric.MetricType == MetricType.Histogram;
                points.Add((tags, histogram ? point.GetHistogramSum() : point.GetSumLong(), histogram ? point.GetHistogramCount() : 0));
            }
        }

        return points;
    }

    public void Dispose()
    {
        _tracer?.Dispose();
        _meter?.Dispose();
    }

    [Fact]
    public async Task A_streamed_run_is_one_runs_stream_span_with_GenAI_tags_run_id_event_count_and_metrics()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        RunCreateMetadata? created = null;
        var root = StartRoot();
        var events = 0;
        await foreach (var _ in alice.Runs.StreamAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = Messages("hi"), OnRunCreated = m => created = m }))
        {
            events++;
        }

        root.Stop();

        var span = SpansOf(root).Should().ContainSingle(s => s.OperationName == "runs.stream").Subject;
        span.Kind.Should().Be(ActivityKind.Client);
        span.ParentSpanId.Should().Be(root.SpanId);
        span.Status.Should().Be(ActivityStatusCode.Unset);
        span.GetTagItem("gen_ai.operation.name").Should().Be("invoke_agent");
        span.GetTagItem("gen_ai.agent.id").Should().Be("echo");
        span.GetTagItem("gen_ai.conversation.id").Should().Be(thread.ThreadId);
        span.GetTagItem("langgraph.run_id").Should().Be(created!.RunId);
        span.GetTagItem("http.response.status_code").Should().Be(200);
        span.GetTagItem("langgraph.stream.events").Should().Be((long)events);
        span.Events.Should().Contain(e => e.Name == "first_event");

        var duration = Points("langgraph.client.operation.duration").Where(p => Equals(p.Tags["langgraph.operation"], "runs.stream")).ToList();
        duration.Should().ContainSingle().Which.Count.Should().Be(1);
        Points("langgraph.client.stream.events").Where(p => Equals(p.Tags["langgraph.operation"], "runs.stream")).Sum(p => p.Value).Should().Be(events);
        Points("langgraph.client.stream.time_to_first_event").Should().ContainSingle().Which.Value.Should().BeLessThanOrEqualTo(duration[0].Value);
    }

    [Fact]
    public async Task A_failing_run_ends_its_span_with_the_error_type_and_Error_status()
    {
        using var alice = server.CreateClient();
        var root = StartRoot();

        var read = async () =>
        {
            await foreach (var _ in alice.Runs.StreamAsync(null, "failing", new RunCreateOptions { Input = Messages("x") }))
            {
            }
        };
        var thrown = await read.Should().ThrowAsync<LangGraphRunException>();
        root.Stop();

        var span = SpansOf(root).Should().ContainSingle(s => s.OperationName == "runs.stream").Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.StatusDescription.Should().BeNull();
        span.GetTagItem("error.type").Should().Be(thrown.Which.GetType().FullName);
        span.GetTagItem("gen_ai.conversation.id").Should().BeNull();
        span.GetTagItem("langgraph.run_id").Should().NotBeNull();
        span.TagObjects.Select(t => t.Value?.ToString()).Should().NotContain(v => v != null && v.Contains("Boo!", StringComparison.Ordinal));
        Points("langgraph.client.operation.duration").Should().ContainSingle(p => Equals(p.Tags["error.type"], thrown.Which.GetType().FullName));
    }

    [Fact]
    public async Task A_cancelled_stream_ends_its_span_as_cancelled()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var root = StartRoot();
        using var cancel = new CancellationTokenSource();

        var read = async () =>
        {
            await foreach (var _ in alice.Runs.StreamAsync(thread.ThreadId, "slow", new RunCreateOptions { Input = Messages("go") }, cancel.Token))
            {
                await cancel.CancelAsync();
            }
        };
        await read.Should().ThrowAsync<OperationCanceledException>();
        root.Stop();

        var span = SpansOf(root).Should().ContainSingle(s => s.OperationName == "runs.stream").Subject;
        span.Status.Should().Be(ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be("System.OperationCanceledException");
        span.GetTagItem("langgraph.stream.events").Should().BeOfType<long>().Which.Should().BePositive();
    }

    [Fact]
    public async Task RemoteGraph_invoke_is_a_remote_graph_invoke_span_with_the_runs_stream_span_nested_in_it()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();
        var graph = new RemoteGraph("echo", alice);
        var root = StartRoot();

        await graph.InvokeAsync(Messages("hello"), new RunConfig { Configurable = { ["thread_id"] = thread.ThreadId } });
        root.Stop();

        var spans = SpansOf(root);
        var invoke = spans.Should().ContainSingle(s => s.OperationName == "remote_graph.invoke").Subject;
        invoke.ParentSpanId.Should().Be(root.SpanId);
        invoke.GetTagItem("gen_ai.operation.name").Should().Be("invoke_agent");
        invoke.GetTagItem("gen_ai.agent.id").Should().Be("echo");
        invoke.GetTagItem("gen_ai.conversation.id").Should().Be(thread.ThreadId);
        var stream = spans.Should().ContainSingle(s => s.OperationName == "runs.stream").Subject;
        stream.ParentSpanId.Should().Be(invoke.SpanId);
        stream.GetTagItem("langgraph.run_id").Should().NotBeNull();
    }
}

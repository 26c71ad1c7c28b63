using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Diagnostics;

/// <summary>Metric listeners are process-wide: these tests run alone.</summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>The instruments of the LangGraph.Sdk Meter: duration, stream events, retries, reconnects, time to first event.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsTests : IDisposable
{
    private const string Url = "http://server";
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    public MetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LangGraphTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private List<(string Instrument, double Value, Dictionary<string, object?> Tags)> Of(string instrument) => [.. _measurements.Where(m => m.Instrument == instrument)];

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_resumed_stream_records_its_duration_events_reconnect_retry_and_time_to_first_event()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.ConnectionRefused(),
            StubHttpHandler.Sse("event: values\ndata: 1\nid: 0\n\n", dropAfter: true, location: "/threads/t1/runs/r1/stream", contentLocation: "/threads/t1/runs/r1"),
            StubHttpHandler.Sse("event: updates|sub:1\ndata: 2\nid: 1\n\nevent: end\ndata: null\nid: 2\n\n"));
        using var client = TestClients.Create(Url, httpClient: new HttpClient(handler));

        await foreach (var _ in client.Runs.StreamAsync("t1", "agent"))
        {
        }

        var duration = Of("langgraph.client.operation.duration").Should().ContainSingle().Subject;
        duration.Tags.Should().Equal(new Dictionary<string, object?> { ["langgraph.operation"] = "runs.stream" });
        duration.Value.Should().BeGreaterThan(0);
        Of("langgraph.client.stream.events").Select(m => (string?)m.Tags["langgraph.stream.mode"]).Should().Equal("values", "updates", "end");
        Of("langgraph.client.stream.events").Sum(m => m.Value).Should().Be(3);
        Of("langgraph.client.stream.reconnects").Should().ContainSingle().Which.Tags["langgraph.operation"].Should().Be("runs.stream");
        Of("langgraph.client.retries").Should().ContainSingle().Which.Tags["langgraph.operation"].Should().Be("runs.stream");
        var firstEvent = Of("langgraph.client.stream.time_to_first_event").Should().ContainSingle().Subject;
        firstEvent.Value.Should().BeLessThanOrEqualTo(duration.Value);
    }

    [Fact]
    public async Task A_failed_call_records_its_duration_with_the_error_type()
    {
        var handler = new StubHttpHandler(StubHttpHandler.Status(HttpStatusCode.Conflict));
        using var client = TestClients.Create(Url, httpClient: new HttpClient(handler));

        var thrown = await FluentActions.Awaiting(() => client.Threads.DeleteAsync("t1")).Should().ThrowAsync<LangGraphApiException>();

        var duration = Of("langgraph.client.operation.duration").Should().ContainSingle().Subject;
        duration.Tags["langgraph.operation"].Should().Be("threads.delete");
        duration.Tags["error.type"].Should().Be(thrown.Which.GetType().FullName);
    }
}

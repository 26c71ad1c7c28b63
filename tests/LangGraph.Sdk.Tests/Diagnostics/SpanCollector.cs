using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace LangGraph.Sdk.Tests.Diagnostics;

/// <summary>
/// Listens to the SDK's ActivitySource and keeps the spans of one test: those of the trace of its root activity
/// (listeners are process-wide and test classes run in parallel).
/// </summary>
public sealed class SpanCollector : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;
    private readonly Activity _root;

    public SpanCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LangGraphTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        _root = new Activity("test-root").Start();
    }

    /// <summary>Gets the SDK spans of this test's trace, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => [.. _stopped.Where(a => a.TraceId == _root.TraceId)];

    /// <summary>The one span named <paramref name="name"/>.</summary>
    public Activity Single(string name) => Spans.Single(a => a.OperationName == name);

    /// <summary>Every tag value and span event tag value of this test's spans, as text.</summary>
    public IEnumerable<string> AllValues() =>
        Spans.SelectMany(a => a.TagObjects.Select(t => $"{t.Key}={t.Value}")
            .Concat(a.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")))
            .Append(a.DisplayName).Append(a.StatusDescription ?? string.Empty));

    public void Dispose()
    {
        _root.Stop();
        _listener.Dispose();
    }
}

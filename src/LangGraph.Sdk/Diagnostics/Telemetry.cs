using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Diagnostics;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, and the helpers the HTTP core,
/// <see cref="RunStream"/>, the retry pipeline and <c>RemoteGraph</c> report through. Attributes carry ids only: no URL,
/// header, body, metadata or message, so that neither a payload nor a credential reaches a trace.
/// </summary>
internal static class Telemetry
{
    internal const string OperationTag = "langgraph.operation";
    internal const string ErrorTypeTag = "error.type";
    internal const string StatusCodeTag = "http.response.status_code";
    internal const string RunIdTag = "langgraph.run_id";
    internal const string AgentIdTag = "gen_ai.agent.id";
    internal const string ConversationIdTag = "gen_ai.conversation.id";
    internal const string GenAiOperationTag = "gen_ai.operation.name";
    internal const string StreamEventsTag = "langgraph.stream.events";
    internal const string StreamModeTag = "langgraph.stream.mode";

    internal static readonly ActivitySource Source = new(LangGraphTelemetry.SourceName, LangGraphHttpCore.SdkVersion);
    internal static readonly Meter Meter = new(LangGraphTelemetry.MeterName, LangGraphHttpCore.SdkVersion);

    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "langgraph.client.operation.duration", "s", "Duration of a LangGraph client operation, a whole stream included.");

    internal static readonly Counter<long> StreamEvents = Meter.CreateCounter<long>(
        "langgraph.client.stream.events", "{event}", "Events received on LangGraph event streams.");

    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "langgraph.client.retries", "{retry}", "Requests sent again by the retry policy.");

    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "langgraph.client.stream.reconnects", "{reconnect}", "Reconnects of event streams and long polls after an early end.");

    internal static readonly Histogram<double> TimeToFirstEvent = Meter.CreateHistogram<double>(
        "langgraph.client.stream.time_to_first_event", "s", "Time from the start of a stream operation to its first event.");

    /// <summary>Whether a stream needs its instrumented wrapper: someone listens to the source or to a stream instrument.</summary>
    internal static bool StreamObserved => Source.HasListeners() || Duration.Enabled || StreamEvents.Enabled || TimeToFirstEvent.Enabled;

    /// <summary>Starts the span of an operation; null (and free) when nobody listens.</summary>
    public static Activity? StartOperation(LangGraphRequest request, Uri apiUrl)
    {
        var activity = Source.StartActivity(request.Operation, ActivityKind.Client);
        if (activity is not { IsAllDataRequested: true })
        {
            return activity;
        }

        if (IsRunOperation(request.Operation))
        {
            activity.SetTag(GenAiOperationTag, "invoke_agent");
        }

        SetIds(activity, request.AssistantId, request.ThreadId);
        if (request.RunId is { } runId)
        {
            activity.SetTag(RunIdTag, runId);
        }

        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("server.address", apiUrl.Host);
        activity.SetTag("server.port", apiUrl.Port);
        return activity;
    }

    /// <summary>Starts a span of <c>RemoteGraph</c>, with the GenAI attributes of an agent invocation when <paramref name="invokesAgent"/>.</summary>
    public static Activity? StartRemoteGraph(string operation, string assistantId, string? threadId, bool invokesAgent)
    {
        var activity = Source.StartActivity(operation, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            if (invokesAgent)
            {
                activity.SetTag(GenAiOperationTag, "invoke_agent");
            }

            SetIds(activity, assistantId, threadId);
        }

        return activity;
    }

    /// <summary>Records a response's status and, for a run it created, the run id (from <c>Content-Location</c>).</summary>
    public static void OnResponse(Activity? activity, LangGraphRequest request, HttpResponseMessage response)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(StatusCodeTag, (int)response.StatusCode);
        if (request.RunId is null && RunLocation.Parse(LangGraphHttpCore.ContentLocation(response)) is { } run)
        {
            SetRun(activity, run);
        }
    }

    /// <summary>Records, on the current stream span, the status of the response that opened the stream and its run.</summary>
    public static void OnStreamOpened(string operation, HttpResponseMessage response, RunLocation? run)
    {
        if (Current(operation) is { IsAllDataRequested: true } activity)
        {
            activity.SetTag(StatusCodeTag, (int)response.StatusCode);
            SetRun(activity, run);
        }
    }

    /// <summary>Records the run of a stream (its id, and the thread the server chose).</summary>
    public static void SetRun(Activity? activity, RunLocation? run)
    {
        if (activity is not { IsAllDataRequested: true } || run is null)
        {
            return;
        }

        activity.SetTag(RunIdTag, run.RunId);
        if (run.ThreadId is { } threadId && activity.GetTagItem(ConversationIdTag) is null)
        {
            activity.SetTag(ConversationIdTag, threadId);
        }
    }

    /// <summary>Ends an operation: its duration (with <c>error.type</c> on failure), the span's error status, and the span.</summary>
    public static void StopOperation(Activity? activity, string operation, TimeProvider timeProvider, long started, Exception? failure)
    {
        if (Duration.Enabled)
        {
            var tags = new TagList { { OperationTag, operation } };
            if (failure is not null)
            {
                tags.Add(ErrorTypeTag, ErrorType(failure));
            }

            Duration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, tags);
        }

        if (activity is null)
        {
            return;
        }

        if (failure is not null)
        {
            // Only the type: a message can echo a server body.
            activity.SetTag(ErrorTypeTag, ErrorType(failure));
            if (failure is LangGraphApiException { StatusCode: > 0 } api)
            {
                activity.SetTag(StatusCodeTag, api.StatusCode);
            }

            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Dispose();
    }

    /// <summary>Ends a span that has no duration metric (a <c>RemoteGraph</c> call): its error type and status on failure.</summary>
    public static void StopSpan(Activity? activity, Exception? failure)
    {
        if (activity is null)
        {
            return;
        }

        if (failure is not null)
        {
            activity.SetTag(ErrorTypeTag, ErrorType(failure));
            activity.SetStatus(ActivityStatusCode.Error);
        }

        activity.Dispose();
    }

    /// <summary>Awaits the call made inside <paramref name="activity"/> and ends the span, with its error type on failure.</summary>
    public static async Task<T> EndSpanAsync<T>(Activity? activity, Func<Task<T>> call)
    {
        Exception? failure = null;
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            StopSpan(activity, failure);
        }
    }

    /// <summary>Records the thread of a <c>RemoteGraph</c> run once it is known.</summary>
    public static void SetConversation(Activity? activity, string? threadId)
    {
        if (activity is { IsAllDataRequested: true } && threadId is not null)
        {
            activity.SetTag(ConversationIdTag, threadId);
        }
    }

    /// <summary>
    /// The next step of an async enumerator with <paramref name="activity"/> as <see cref="Activity.Current"/> (restored
    /// after): an async iterator resumes in its consumer's execution context, where its span is no longer current.
    /// </summary>
    public static ValueTask<bool> MoveNextAsync<T>(IAsyncEnumerator<T> enumerator, Activity? activity) =>
        activity is null ? enumerator.MoveNextAsync() : MoveNextWithinAsync(enumerator, activity);

    /// <summary>Records one event of a stream: the events counter, and on the first one the time-to-first-event histogram and span event.</summary>
    public static void OnStreamEvent(Activity? activity, string operation, string eventName, bool first, TimeProvider timeProvider, long started)
    {
        if (StreamEvents.Enabled)
        {
            StreamEvents.Add(1, new(OperationTag, operation), new(StreamModeTag, StreamMode(eventName)));
        }

        if (!first)
        {
            return;
        }

        if (TimeToFirstEvent.Enabled)
        {
            TimeToFirstEvent.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new TagList { { OperationTag, operation } });
        }

        activity?.AddEvent(new ActivityEvent("first_event"));
    }

    /// <summary>Records a reconnect of the current operation (a stream resume or a long poll's <c>GET Location</c>).</summary>
    public static void OnReconnect(string operation, int attempt, bool lastEventIdPresent)
    {
        if (Reconnects.Enabled)
        {
            Reconnects.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));
        }

        if (Current(operation) is { } activity)
        {
            activity.AddEvent(new ActivityEvent("reconnect", tags: new ActivityTagsCollection
            {
                { "langgraph.reconnect.attempt", attempt },
                { "langgraph.reconnect.last_event_id_present", lastEventIdPresent },
            }));
        }
    }

    /// <summary>Records a retry of the current operation: the retries counter and a <c>retry</c> span event with the attempt, the delay and what failed.</summary>
    public static void OnRetry(string? operation, int attempt, TimeSpan delay, HttpResponseMessage? response, Exception? exception)
    {
        if (Retries.Enabled)
        {
            Retries.Add(1, new KeyValuePair<string, object?>(OperationTag, operation ?? "unknown"));
        }

        if (operation is not null && Current(operation) is { } activity)
        {
            var tags = new ActivityTagsCollection
            {
                { "langgraph.retry.attempt", attempt },
                { "langgraph.retry.delay_s", delay.TotalSeconds },
            };
            if (response is not null)
            {
                tags.Add(StatusCodeTag, (int)response.StatusCode);
            }

            if (exception is not null)
            {
                tags.Add(ErrorTypeTag, ErrorType(exception));
            }

            activity.AddEvent(new ActivityEvent("retry", tags: tags));
        }
    }

    /// <summary>The exception type name of <c>error.type</c>; every cancellation as <see cref="OperationCanceledException"/>.</summary>
    internal static string ErrorType(Exception exception) =>
        exception is OperationCanceledException ? typeof(OperationCanceledException).FullName! : exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>Whether an operation invokes the agent (runs a graph).</summary>
    internal static bool IsRunOperation(string operation) => operation is
        "runs.stream" or "runs.create" or "runs.create_batch" or "runs.wait" or "runs.join" or "runs.join_stream" or "threads.join_stream";

    /// <summary>The stream mode of an event name (<c>updates|sub:1</c> is <c>updates</c>), from a fixed set so that the metric's cardinality stays bounded.</summary>
    internal static string StreamMode(string eventName)
    {
        var bar = eventName.IndexOf('|', StringComparison.Ordinal);
        var mode = bar < 0 ? eventName.AsSpan() : eventName.AsSpan(0, bar);
        return mode switch
        {
            "values" => "values",
            "updates" => "updates",
            "messages" or "messages/partial" or "messages/complete" or "messages/metadata" => "messages",
            "messages-tuple" => "messages-tuple",
            "events" => "events",
            "debug" => "debug",
            "custom" => "custom",
            "tasks" => "tasks",
            "checkpoints" => "checkpoints",
            "metadata" => "metadata",
            "end" => "end",
            "error" => "error",
            _ => "other",
        };
    }

    private static Activity? Current(string operation) =>
        Activity.Current is { } current && ReferenceEquals(current.Source, Source) && string.Equals(current.OperationName, operation, StringComparison.Ordinal) ? current : null;

    private static void SetIds(Activity activity, string? assistantId, string? threadId)
    {
        if (assistantId is not null)
        {
            activity.SetTag(AgentIdTag, assistantId);
        }

        if (threadId is not null)
        {
            activity.SetTag(ConversationIdTag, threadId);
        }
    }

    private static async ValueTask<bool> MoveNextWithinAsync<T>(IAsyncEnumerator<T> enumerator, Activity activity)
    {
        var previous = Activity.Current;
        Activity.Current = activity;
        try
        {
            return await enumerator.MoveNextAsync().ConfigureAwait(false);
        }
        finally
        {
            Activity.Current = previous;
        }
    }
}

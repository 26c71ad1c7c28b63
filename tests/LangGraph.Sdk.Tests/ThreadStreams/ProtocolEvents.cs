using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Tests.TestSupport;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk.Tests.ThreadStreams;

/// <summary>Protocol events and SSE bodies as the 1.5.1 server writes them (shapes copied from captured streams).</summary>
internal static class ProtocolEvents
{
    public const string AgentNs = "agent:4d281679-1010-5ca8-ae10-9780412410e3";
    public const string ToolsNs = "tools:e3ad85a8-4fde-5a67-9be0-4d850c463169";
    public const string Agent2Ns = "agent:46092ac7-79a8-5211-9fdd-a1efe2b7901a";

    /// <summary>One envelope: <c>{"type":"event","event_id":"5","seq":5,"method":…,"params":{"namespace":[…],"timestamp":…,"data":…}}</c>.</summary>
    public static string Envelope(long seq, string method, string dataJson, string[]? ns = null, string? node = null)
    {
        var nsJson = "[" + string.Join(",", (ns ?? []).Select(s => "\"" + s + "\"")) + "]";
        var nodeJson = node is null ? string.Empty : $",\"node\":\"{node}\"";
        return $"{{\"type\":\"event\",\"event_id\":\"{seq}\",\"seq\":{seq},\"method\":\"{method}\",\"params\":{{\"namespace\":{nsJson},\"timestamp\":1796163023485{nodeJson},\"data\":{dataJson}}}}}";
    }

    /// <summary>The SSE framing of the server: <c>event:</c>, <c>data:</c>, then <c>id:</c>, and a blank line.</summary>
    public static string Sse(params string[] envelopes) =>
        string.Concat(envelopes.Select(e =>
        {
            using var doc = JsonDocument.Parse(e);
            var method = doc.RootElement.GetProperty("method").GetString();
            var id = doc.RootElement.GetProperty("event_id").GetString();
            return $"event: {method}\ndata: {e}\nid: {id}\n\n";
        }));

    public static ThreadEvent Parse(string envelope) => ProtocolCodec.ParseFrame(Encoding.UTF8.GetBytes(envelope)).Event!;

    public static string Lifecycle(long seq, string state, string[]? ns = null, string graph = "echo") =>
        Envelope(seq, "lifecycle", $"{{\"event\":\"{state}\",\"graph_name\":\"{graph}\"}}", ns);

    public static string Values(long seq, string json, string[]? ns = null) => Envelope(seq, "values", json, ns);

    /// <summary>The chat graph's run (chat_sse capture): a tool call assembled from two deltas, the tool, then "It is sunny." token by token.</summary>
    public static string[] ChatRun() =>
    [
        Lifecycle(1, "running", graph: "chat"),
        Values(3, """{"messages":[{"type":"human","content":"weather?"}]}"""),
        Lifecycle(5, "started", [AgentNs], "agent"),
        Envelope(6, "messages", """{"event":"message-start","id":"run-01a233aa-d637","run_id":"01a233aa-d637"}""", [AgentNs]),
        Envelope(7, "messages", """{"event":"content-block-start","index":0,"content":{"type":"tool_call_chunk","id":"call_1","name":"get_weather","args":"","index":0},"run_id":"01a233aa-d637"}""", [AgentNs]),
        Envelope(8, "messages", """{"event":"content-block-delta","index":0,"delta":{"type":"tool-call-delta","args":"{\"city\":"},"run_id":"01a233aa-d637"}""", [AgentNs]),
        Envelope(9, "messages", """{"event":"content-block-delta","index":0,"delta":{"type":"tool-call-delta","args":"\"Paris\"}"},"run_id":"01a233aa-d637"}""", [AgentNs]),
        Envelope(10, "messages", """{"event":"content-block-finish","index":0,"content":{"type":"tool_call","id":"call_1","name":"get_weather","args":{"city":"Paris"}},"run_id":"01a233aa-d637"}""", [AgentNs]),
        Envelope(11, "messages", """{"event":"message-finish","reason":"stop","run_id":"01a233aa-d637"}""", [AgentNs]),
        Lifecycle(14, "completed", [AgentNs], "agent"),
        Lifecycle(18, "started", [ToolsNs], "tools"),
        Envelope(19, "tools", """{"event":"tool-started","tool_call_id":"call_1","tool_name":"get_weather","input":"{\"city\":\"Paris\"}"}""", [ToolsNs]),
        Envelope(20, "tools", """{"event":"tool-finished","tool_call_id":"call_1","output":{"status":"success","content":"{\"city\":\"Paris\",\"forecast\":\"sunny\"}","tool_call_id":"call_1","name":"get_weather"}}""", [ToolsNs]),
        Lifecycle(23, "completed", [ToolsNs], "tools"),
        Lifecycle(27, "started", [Agent2Ns], "agent"),
        Envelope(28, "messages", """{"event":"message-start","id":"run-01a233aa-d7f2","run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Envelope(29, "messages", """{"event":"content-block-start","index":0,"content":{"type":"text","text":""},"run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Envelope(30, "messages", """{"event":"content-block-delta","index":0,"delta":{"type":"text-delta","text":"It"},"run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Envelope(31, "messages", """{"event":"content-block-delta","index":0,"delta":{"type":"text-delta","text":" is"},"run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Envelope(32, "messages", """{"event":"content-block-delta","index":0,"delta":{"type":"text-delta","text":" sunny"},"run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Envelope(33, "messages", """{"event":"content-block-delta","index":0,"delta":{"type":"text-delta","text":"."},"run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Envelope(34, "messages", """{"event":"content-block-finish","index":0,"content":{"type":"text","text":"It is sunny."},"run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Envelope(35, "messages", """{"event":"message-finish","reason":"stop","run_id":"01a233aa-d7f2"}""", [Agent2Ns]),
        Lifecycle(38, "completed", [Agent2Ns], "agent"),
        Values(40, """{"messages":[{"type":"human","content":"weather?"},{"type":"ai","content":"It is sunny."}]}"""),
        Lifecycle(41, "completed", graph: "chat"),
    ];
}

/// <summary>
/// Routes a <see cref="StubHttpHandler"/> by path: <c>/commands</c> answers with the next scripted reply (by method), and
/// <c>/stream/events</c> plays the next scripted SSE body; the last one stays open until the request is cancelled, as the
/// real server's stream does.
/// </summary>
internal sealed class ThreadStreamScript
{
    private readonly Queue<Func<HttpResponseMessage>> _events = new();
    private readonly Dictionary<string, Queue<Func<int, HttpResponseMessage>>> _replies = new(StringComparer.Ordinal);

    // A run's events come after its run.start (or input.respond): a scripted body waits for its command.
    private readonly Dictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);

    private TaskCompletionSource Gate(string method)
    {
        lock (_gates)
        {
            if (!_gates.TryGetValue(method, out var gate))
            {
                _gates[method] = gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return gate;
        }
    }

    public ThreadStreamScript Reply(string method, string resultJson, long? appliedThroughSeq = null) =>
        ReplyWith(method, id => Json($"{{\"type\":\"success\",\"id\":{id},\"result\":{resultJson}{Meta(appliedThroughSeq)}}}"));

    public ThreadStreamScript Error(string method, string code, string message) =>
        ReplyWith(method, id => Json($"{{\"type\":\"error\",\"id\":{id},\"error\":\"{code}\",\"message\":\"{message}\"}}"));

    public ThreadStreamScript ReplyStatus(string method, HttpStatusCode status, string body) =>
        ReplyWith(method, _ => new HttpResponseMessage(status) { Content = new StringContent(body) });

    /// <summary>An event stream that serves <paramref name="envelopes"/>, then drops (<paramref name="drop"/>) or ends cleanly, or (<paramref name="hang"/>) stays open.</summary>
    /// <remarks>The body starts after the command <paramref name="after"/> was answered, as a run's events follow its command.</remarks>
    public ThreadStreamScript Events(string[] envelopes, bool drop = false, bool hang = false, string after = "run.start")
    {
        var bytes = Encoding.UTF8.GetBytes(ProtocolEvents.Sse(envelopes));
        _events.Enqueue(() => Sse(new GatedStream(Gate(after).Task, hang ? new HangingStream(bytes) : drop ? new DroppingStream(bytes) : new MemoryStream(bytes))));
        return this;
    }

    public ThreadStreamScript EventsStatus(HttpStatusCode status)
    {
        _events.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent("{\"detail\":\"nope\"}") });
        return this;
    }

    public StubHttpHandler Handler() => new(Route);

    private static string Meta(long? seq) => seq is { } s ? $",\"meta\":{{\"thread_id\":\"t\",\"applied_through_seq\":{s}}}" : string.Empty;

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Sse(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private ThreadStreamScript ReplyWith(string method, Func<int, HttpResponseMessage> reply)
    {
        if (!_replies.TryGetValue(method, out var queue))
        {
            _replies[method] = queue = new();
        }

        queue.Enqueue(reply);
        return this;
    }

    private HttpResponseMessage Route(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path.EndsWith("/stream/events", StringComparison.Ordinal))
        {
            lock (_events)
            {
                return _events.Count > 1 ? _events.Dequeue()() : _events.Count == 1 ? _events.Peek()() : Sse(new HangingStream([]));
            }
        }

        using var doc = JsonDocument.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
        var method = doc.RootElement.GetProperty("method").GetString()!;
        var id = doc.RootElement.GetProperty("id").GetInt32();
        // Released just after the reply, as the server answers before the run's events flow.
        var released = Gate(method);
        _ = Task.Delay(20).ContinueWith(_ => released.TrySetResult(), TaskScheduler.Default);

        lock (_replies)
        {
            return _replies.TryGetValue(method, out var queue) && queue.Count > 0
                ? (queue.Count > 1 ? queue.Dequeue() : queue.Peek())(id)
                : Json($"{{\"type\":\"error\",\"id\":{id},\"error\":\"unknown_command\",\"message\":\"not scripted: {method}\"}}");
        }
    }

    /// <summary>Waits for a gate before its first byte.</summary>
    private sealed class GatedStream(Task gate, Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>Serves its bytes, then waits until the read is cancelled (an open stream with no more events).</summary>
    private sealed class HangingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Serves its bytes, then fails as a reset connection does.</summary>
    private sealed class DroppingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("Connection reset by peer.");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}

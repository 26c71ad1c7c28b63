using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Benchmarks;

/// <summary>
/// Parses 100,000 LangGraph-shaped events (34 MB, see <see cref="LangGraphEventStream"/>) from memory, three ways:
/// the bare <see cref="SseParser"/> + JsonDocument loop (the baseline), the SDK's SSE reader, and the SDK's public
/// <c>client.Runs.StreamAsync</c> over an in-memory <see cref="HttpMessageHandler"/>; and, for the breakdown of the
/// baseline's cost, the SSE parser alone with the data left unparsed. <c>RemoteGraph.StreamAsync</c> on the same handler
/// shows what the graph layer adds per chunk (it yields every event but the metadata one).
/// </summary>
[MemoryDiagnoser]
public class StreamParsingBenchmarks : IDisposable
{
    private const int Events = LangGraphEventStream.DefaultEvents;

    private byte[] _body = [];
    private byte[] _subgraphBody = [];
    private HttpClient? _subgraphHttp;
    private LangGraphClient? _subgraphClient;
    private JsonDocument? _input;
    private HttpClient? _http;
    private LangGraphClient? _client;
    private RemoteGraph? _graph;

    [GlobalSetup]
    public void Setup()
    {
        _body = LangGraphEventStream.Build(Events);
        _input = JsonDocument.Parse("{\"messages\":[{\"role\":\"user\",\"content\":\"summarise the thread so far\"}]}");
        _http = new HttpClient(new InMemoryStreamHandler(_body)) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new LangGraphClient(
            new LangGraphClientOptions { ApiUrl = new Uri("http://localhost:2024"), ReadApiKeyFromEnvironment = false },
            _http);
        _graph = new RemoteGraph("agent", _client);
        _subgraphBody = LangGraphEventStream.Build(Events, subgraphs: true);
        _subgraphHttp = new HttpClient(new InMemoryStreamHandler(_subgraphBody)) { Timeout = Timeout.InfiniteTimeSpan };
        _subgraphClient = new LangGraphClient(
            new LangGraphClientOptions { ApiUrl = new Uri("http://localhost:2024"), ReadApiKeyFromEnvironment = false },
            _subgraphHttp);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _graph?.Dispose();
        _subgraphClient?.Dispose();
        _subgraphHttp?.Dispose();
        _client?.Dispose();
        _http?.Dispose();
        _input?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The baseline: SseParser with each event's data parsed into a JsonElement that outlives the buffer.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events, Description = "Bare SseParser + JsonDocument")]
    public async Task<long> BareSseParser()
    {
        var parser = SseParser.Create(new MemoryStream(_body, writable: false), static (_, data) =>
        {
            var reader = new Utf8JsonReader(data);
            return JsonElement.ParseValue(ref reader);
        });
        long count = 0;
        await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            if (item.Data.ValueKind != JsonValueKind.Undefined && item.EventType.Length > 0 && parser.LastEventId.Length > 0)
            {
                count++;
            }
        }

        return Check(count);
    }

    /// <summary>For the breakdown: the same loop with the data left unparsed (SSE framing, event names and ids only).</summary>
    [Benchmark(OperationsPerInvoke = Events, Description = "SseParser alone, data not parsed")]
    public async Task<long> SseParserWithoutJson()
    {
        var parser = SseParser.Create(new MemoryStream(_body, writable: false), static (_, data) => data.Length);
        long count = 0;
        await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            if (item.Data > 0 && item.EventType.Length > 0 && parser.LastEventId.Length > 0)
            {
                count++;
            }
        }

        return Check(count);
    }

    /// <summary>The SDK's SSE reader (tail guard, JSON errors with context, ids per the SSE rules).</summary>
    [Benchmark(OperationsPerInvoke = Events, Description = "SDK SseReader.ReadAsync")]
    public async Task<long> SdkSseReader()
    {
        long count = 0;
        await foreach (var part in SseReader.ReadAsync(new MemoryStream(_body, writable: false), "POST /threads/t/runs/stream", null, CancellationToken.None).ConfigureAwait(false))
        {
            if (part.Data.ValueKind != JsonValueKind.Undefined && part.Event.Length > 0)
            {
                count++;
            }
        }

        return Check(count);
    }

    /// <summary>The whole public path: request body, HTTP pipeline, reconnect bookkeeping, the reader.</summary>
    [Benchmark(OperationsPerInvoke = Events, Description = "SDK Runs.StreamAsync (in-memory HTTP)")]
    public async Task<long> SdkRunsStreamAsync()
    {
        var options = new RunCreateOptions
        {
            Input = _input!.RootElement,
            StreamMode = [StreamMode.Values, StreamMode.Updates, StreamMode.MessagesTuple],
        };
        long count = 0;
        await foreach (var part in _client!.Runs.StreamAsync("bench-thread", "agent", options).ConfigureAwait(false))
        {
            if (part.Data.ValueKind != JsonValueKind.Undefined && part.Event.Length > 0)
            {
                count++;
            }
        }

        return Check(count);
    }

    /// <summary>RemoteGraph on top of Runs.StreamAsync: modes values, updates and messages, one chunk object per event.</summary>
    [Benchmark(OperationsPerInvoke = Events, Description = "SDK RemoteGraph.StreamAsync (in-memory HTTP)")]
    public async Task<long> SdkRemoteGraphStreamAsync()
    {
        var config = new RunConfig { Configurable = { ["thread_id"] = "bench-thread" } };
        var options = new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values, StreamMode.Updates, StreamMode.Messages] };
        long count = 0;
        await foreach (var chunk in _graph!.StreamAsync(_input!.RootElement, config, options).ConfigureAwait(false))
        {
            if (chunk.Data.ValueKind != JsonValueKind.Undefined && chunk.Mode.Value.Length > 0)
            {
                count++;
            }
        }

        // Every event but the first (metadata), which RemoteGraph does not yield.
        return Check(count, Events - 1);
    }

    /// <summary>
    /// The bare loop over subgraph events (<c>values|agent:…|tools:…</c>): each event's mode and namespace read from its
    /// name without allocating (a span up to the first <c>|</c>, the segments counted), as a hand-written client would.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Events, Description = "Bare SseParser + JsonDocument, subgraph events")]
    public async Task<long> BareSseParserSubgraphs()
    {
        var parser = SseParser.Create(new MemoryStream(_subgraphBody, writable: false), static (_, data) =>
        {
            var reader = new Utf8JsonReader(data);
            return JsonElement.ParseValue(ref reader);
        });
        long count = 0;
        await foreach (var item in parser.EnumerateAsync().ConfigureAwait(false))
        {
            var name = item.EventType.AsSpan();
            var bar = name.IndexOf('|');
            var mode = bar < 0 ? name : name[..bar];
            var segments = bar < 0 ? 0 : name[(bar + 1)..].Count('|') + 1;
            if (item.Data.ValueKind != JsonValueKind.Undefined && mode.Length > 0 && segments >= 0 && parser.LastEventId.Length > 0)
            {
                count++;
            }
        }

        return Check(count);
    }

    /// <summary>The SDK over subgraph events, reading each event's <see cref="StreamPart.Mode"/> and <see cref="StreamPart.Namespace"/>.</summary>
    [Benchmark(OperationsPerInvoke = Events, Description = "SDK Runs.StreamAsync, subgraph events, Mode + Namespace")]
    public async Task<long> SdkRunsStreamAsyncSubgraphs()
    {
        var options = new RunCreateOptions
        {
            Input = _input!.RootElement,
            StreamMode = [StreamMode.Values, StreamMode.Updates, StreamMode.MessagesTuple],
            StreamSubgraphs = true,
        };
        long count = 0;
        await foreach (var part in _subgraphClient!.Runs.StreamAsync("bench-thread", "agent", options).ConfigureAwait(false))
        {
            if (part.Data.ValueKind != JsonValueKind.Undefined && part.Mode.Length > 0 && part.Namespace.Count >= 0)
            {
                count++;
            }
        }

        return Check(count);
    }

    private static long Check(long count, long expected = Events) =>
        count == expected ? count : throw new InvalidOperationException($"Expected {expected} events, got {count}.");

    /// <summary>Answers every request with the stream as a text/event-stream body, read from memory.</summary>
    private sealed class InMemoryStreamHandler(byte[] body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/event-stream");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Benchmarks;

namespace LangGraph.Sdk.SideBySide;

/// <summary>
/// generate EVENTS PATH: writes the benchmark stream (see <see cref="LangGraphEventStream"/>).
/// consume --url URL --client sdk|bare|remote[,…] [--thread ID] [--expect N] [--warmup W] [--runs R]: streams a run from
/// the side-by-side server W + R times per client (clients in turns) and prints, per client, one JSON line with the
/// median of its R measured runs, its allocations per event, and the process's peak working set and GC heap. N is the
/// number of events in the stream; <c>remote</c> (<see cref="RemoteGraph.StreamAsync"/>) yields only the requested
/// modes, so it must count the stream's values, updates and messages events (all but the metadata event).
/// invoke --url URL [--client remote,wait] [--graph echo] [--token alice-token] [--message hi] [--warmup W] [--runs R]:
/// against a real LangGraph server, W + R sequential stateless invokes per client (clients in turns), each checked, and
/// one JSON line per client with the median, p95 and mean milliseconds per call.
/// requests …: request benchmarks (threads.get, threads.search, concurrent threads.get), see <see cref="RequestBench"/>.
/// </summary>
internal static class Program
{
    private const string AssistantId = "agent";
    private const string InputJson = "{\"messages\":[{\"role\":\"user\",\"content\":\"summarise the thread so far\"}]}";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "generate")
        {
            var events = int.Parse(args[1], CultureInfo.InvariantCulture);
            using (var file = File.Create(args[2]))
            {
                LangGraphEventStream.Write(file, events);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {events} events, {new FileInfo(args[2]).Length} bytes, to {args[2]}"));
            return 0;
        }

        if (args.Length >= 1 && args[0] == "requests")
        {
            return await RequestBench.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length >= 1 && args[0] == "consume")
        {
            var options = ParseOptions(args.Skip(1).ToArray());
            return await ConsumeAsync(
                new Uri(options["url"]),
                options["client"],
                options.GetValueOrDefault("thread", "bench-100000"),
                long.Parse(options.GetValueOrDefault("expect", "0"), CultureInfo.InvariantCulture),
                int.Parse(options.GetValueOrDefault("warmup", "1"), CultureInfo.InvariantCulture),
                int.Parse(options.GetValueOrDefault("runs", "3"), CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        if (args.Length >= 1 && args[0] == "thread-stream")
        {
            return await ThreadStreamBench.RunAsync(args[1..]).ConfigureAwait(false);
        }

        if (args.Length >= 1 && args[0] == "invoke")
        {
            var options = ParseOptions(args.Skip(1).ToArray());
            return await InvokeAsync(
                new Uri(options["url"]),
                options.GetValueOrDefault("client", "remote,wait"),
                options.GetValueOrDefault("graph", "echo"),
                options.GetValueOrDefault("token", "alice-token"),
                options.GetValueOrDefault("message", "hi"),
                int.Parse(options.GetValueOrDefault("warmup", "20"), CultureInfo.InvariantCulture),
                int.Parse(options.GetValueOrDefault("runs", "200"), CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }

        Console.Error.WriteLine(
            "usage: generate EVENTS PATH | consume --url URL --client sdk|bare|remote[,…] [--thread ID] [--expect N] [--warmup W] [--runs R]" +
            " | invoke --url URL [--client remote,wait] [--graph echo] [--token alice-token] [--message hi] [--warmup W] [--runs R]");
        return 2;
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        return options;
    }

    private static async Task<int> ConsumeAsync(Uri url, string clientKinds, string thread, long expect, int warmup, int runs)
    {
        using var input = JsonDocument.Parse(InputJson);
        using var sdk = new LangGraphClient(new LangGraphClientOptions { ApiUrl = url, ReadApiKeyFromEnvironment = false });
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var graph = new RemoteGraph(AssistantId, sdk);
        var streamUri = new Uri(url, $"threads/{thread}/runs/stream");
        var body = $"{{\"assistant_id\":\"{AssistantId}\",\"input\":{InputJson},\"stream_mode\":[\"values\",\"updates\",\"messages-tuple\"]}}";

        // Several clients run in turns (sdk, bare, sdk, bare, ...), so that a change in the machine's load hits them alike.
        // RemoteGraph yields only the modes it was asked for: every event but the metadata one, counted from the
        // generator so that a change of the stream cannot go unnoticed.
        var expectedModes = expect > 0 ? RemoteGraphModeCounts(expect) : null;
        var modes = new ModeCounts();
        var clients = clientKinds.Split(',').Select(kind => new Measured(kind, kind switch
        {
            "sdk" => () => StreamWithSdkAsync(sdk, thread, input.RootElement),
            "bare" => () => StreamBareAsync(http, streamUri, body),
            "remote" => () => StreamWithRemoteGraphAsync(graph, thread, input.RootElement, modes),
            _ => throw new ArgumentException($"unknown client '{kind}' (sdk, bare or remote)", nameof(clientKinds)),
        }, kind == "remote" ? expectedModes?.Total ?? 0 : expect)).ToList();

        for (var i = 0; i < warmup; i++)
        {
            foreach (var client in clients)
            {
                modes.Clear();
                Check(await client.Once().ConfigureAwait(false), client.Expect);
                CheckModes(client, modes, expectedModes);
            }
        }

        using var sampler = new HeapSampler();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        for (var i = 0; i < runs; i++)
        {
            foreach (var client in clients)
            {
                modes.Clear();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var count = await client.Once().ConfigureAwait(false);
                client.Elapsed.Add(watch.Elapsed.TotalMilliseconds);
                client.Allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                Check(count, client.Expect);
                CheckModes(client, modes, expectedModes);
                client.Events += count;
            }
        }

        sampler.Stop();
        using var process = Process.GetCurrentProcess();
        foreach (var client in clients)
        {
            client.Elapsed.Sort();
            var median = client.Elapsed[client.Elapsed.Count / 2];
            var best = client.Elapsed[0];
            var perRun = client.Events / runs;
            var modeCounts = client.LastModes is { } counted ? $",\"modes\":{counted}" : string.Empty;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"client\":\"{client.Kind}\",\"events\":{perRun},\"runs\":{runs},\"medianMs\":{median:F1},\"bestMs\":{best:F1}," +
                $"\"eventsPerSec\":{perRun / (median / 1000):F0},\"bestEventsPerSec\":{perRun / (best / 1000):F0}," +
                $"\"allocBytesPerEvent\":{(double)client.Allocated / client.Events:F1},\"peakWorkingSetMB\":{process.PeakWorkingSet64 / 1048576.0:F1}," +
                $"\"peakGcHeapMB\":{sampler.PeakBytes / 1048576.0:F1},\"gen0\":{GC.CollectionCount(0) - gen0},\"gen2\":{GC.CollectionCount(2) - gen2}," +
                $"\"processClients\":\"{clientKinds}\"{modeCounts}}}"));
        }

        return 0;
    }

    private static async Task<int> InvokeAsync(Uri url, string clientKinds, string graphId, string token, string message, int warmup, int runs)
    {
        // The graph as a user builds it (its own client, the header sent on each call), and Runs.WaitAsync, the SDK's
        // one-request way to run and get the final state, as the baseline.
        using var graph = new RemoteGraph(graphId, new RemoteGraphOptions
        {
            Url = url,
            ReadApiKeyFromEnvironment = false,
            Headers = { ["Authorization"] = $"Bearer {token}" },
        });
        using var client = new LangGraphClient(new LangGraphClientOptions
        {
            ApiUrl = url,
            ReadApiKeyFromEnvironment = false,
            DefaultHeaders = { ["Authorization"] = $"Bearer {token}" },
        });
        var expected = new[] { message, "echo: " + message };

        var clients = clientKinds.Split(',').Select(kind => new Timed(kind, kind switch
        {
            "remote" => () => graph.InvokeAsync(new { messages = new[] { message } }),
            "wait" => () => client.Runs.WaitAsync(null, graphId, new RunCreateOptions { Input = new { messages = new[] { message } } }),
            _ => throw new ArgumentException($"unknown client '{kind}' (remote or wait)", nameof(clientKinds)),
        })).ToList();

        // Clients in turns, one call at a time, so that a change in the server's or the machine's load hits them alike.
        for (var i = 0; i < warmup + runs; i++)
        {
            foreach (var timed in clients)
            {
                var watch = Stopwatch.StartNew();
                var result = await timed.Call().ConfigureAwait(false);
                var elapsed = watch.Elapsed.TotalMilliseconds;
                CheckEcho(timed.Kind, result, expected);
                if (i >= warmup)
                {
                    timed.Elapsed.Add(elapsed);
                }
            }
        }

        foreach (var timed in clients)
        {
            var elapsed = timed.Elapsed;
            elapsed.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"client\":\"{timed.Kind}\",\"graph\":\"{graphId}\",\"warmup\":{warmup},\"runs\":{elapsed.Count}," +
                $"\"medianMs\":{Percentile(elapsed, 0.5):F2},\"p95Ms\":{Percentile(elapsed, 0.95):F2},\"meanMs\":{elapsed.Average():F2}," +
                $"\"minMs\":{elapsed[0]:F2},\"maxMs\":{elapsed[^1]:F2},\"processClients\":\"{clientKinds}\"}}"));
        }

        return 0;
    }

    /// <summary>The nearest-rank percentile of sorted values (the same rule as the JS side).</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The echo graph appends "echo: LAST" to the input's messages: the final state's messages must be exactly that.</summary>
    private static void CheckEcho(string kind, JsonElement result, string[] expected)
    {
        var ok = result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("messages", out var messages)
            && messages.ValueKind == JsonValueKind.Array
            && messages.GetArrayLength() == expected.Length
            && messages.EnumerateArray().Select((m, i) => m.ValueKind == JsonValueKind.String && m.GetString() == expected[i]).All(same => same);
        if (!ok)
        {
            throw new InvalidOperationException($"{kind}: expected messages [{string.Join(", ", expected)}], got {result.GetRawText()}");
        }
    }

    /// <summary>Checks a remote client's counts per mode against the stream's, and keeps them for its JSON line.</summary>
    private static void CheckModes(Measured client, ModeCounts counted, ModeCounts? expected)
    {
        if (client.Kind != "remote")
        {
            return;
        }

        if (expected is not null && counted.ToJson() != expected.ToJson())
        {
            throw new InvalidOperationException($"expected the modes {expected.ToJson()}, got {counted.ToJson()}");
        }

        client.LastModes = counted.ToJson();
    }

    /// <summary>How many chunks per mode RemoteGraph yields for the first <paramref name="events"/> events of the stream.</summary>
    private static ModeCounts RemoteGraphModeCounts(long events)
    {
        var counts = new ModeCounts();
        foreach (var (name, _) in LangGraphEventStream.Events().Take(checked((int)events)))
        {
            if (name is "values" or "updates" or "messages")
            {
                counts.Add(name);
            }
        }

        return counts;
    }

    private static void Check(long count, long expect)
    {
        if (expect > 0 && count != expect)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"expected {expect} events, got {count}"));
        }
    }

    /// <summary>The SDK's public path: <c>client.Runs.StreamAsync</c>.</summary>
    private static async Task<long> StreamWithSdkAsync(LangGraphClient client, string thread, JsonElement input)
    {
        var options = new RunCreateOptions
        {
            Input = input,
            StreamMode = [StreamMode.Values, StreamMode.Updates, StreamMode.MessagesTuple],
        };
        long count = 0;
        await foreach (var part in client.Runs.StreamAsync(thread, AssistantId, options).ConfigureAwait(false))
        {
            if (part.Data.ValueKind != JsonValueKind.Undefined && part.Event.Length > 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// RemoteGraph's public path: <c>graph.StreamAsync</c> on a thread with the values, updates and messages modes (sent
    /// as values, updates, messages-tuple), as a LangGraph app streams a remote graph; counts the chunks per mode.
    /// </summary>
    private static async Task<long> StreamWithRemoteGraphAsync(RemoteGraph graph, string thread, JsonElement input, ModeCounts modes)
    {
        var config = new RunConfig { Configurable = { ["thread_id"] = thread } };
        var options = new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values, StreamMode.Updates, StreamMode.Messages] };
        long count = 0;
        await foreach (var chunk in graph.StreamAsync(input, config, options).ConfigureAwait(false))
        {
            if (chunk.Data.ValueKind != JsonValueKind.Undefined && chunk.Mode.Value.Length > 0)
            {
                modes.Add(chunk.Mode.Value);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The baseline: a bare <see cref="HttpClient"/> + <see cref="SseParser"/> loop that parses each event's data into a
    /// <see cref="JsonElement"/> that outlives the parser's buffer (<see cref="JsonElement.ParseValue"/>, that is
    /// <c>JsonDocument.ParseValue</c>), and reads the event id, as the SDK does; no error handling, no reconnects.
    /// </summary>
    private static async Task<long> StreamBareAsync(HttpClient http, Uri streamUri, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, streamUri)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var parser = SseParser.Create(stream, static (_, data) =>
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

            return count;
        }
    }

    /// <summary>One client's stream function and its measurements.</summary>
    private sealed class Measured(string kind, Func<Task<long>> once, long expect)
    {
        public string Kind { get; } = kind;

        public Func<Task<long>> Once { get; } = once;

        /// <summary>Gets the number of items a run must count (0: not checked).</summary>
        public long Expect { get; } = expect;

        /// <summary>Gets or sets the counts per mode of the last run (remote only), as JSON.</summary>
        public string? LastModes { get; set; }

        public List<double> Elapsed { get; } = [];

        public long Allocated { get; set; }

        public long Events { get; set; }
    }

    /// <summary>One client's invoke function and its latencies.</summary>
    private sealed class Timed(string kind, Func<Task<JsonElement>> call)
    {
        public string Kind { get; } = kind;

        public Func<Task<JsonElement>> Call { get; } = call;

        public List<double> Elapsed { get; } = [];
    }

    /// <summary>Chunks counted per mode: values, updates, messages, and any other.</summary>
    private sealed class ModeCounts
    {
        public long Values { get; private set; }

        public long Updates { get; private set; }

        public long Messages { get; private set; }

        public long Other { get; private set; }

        public long Total => Values + Updates + Messages;

        public void Add(string mode)
        {
            switch (mode)
            {
                case "values":
                    Values++;
                    break;
                case "updates":
                    Updates++;
                    break;
                case "messages":
                    Messages++;
                    break;
                default:
                    Other++;
                    break;
            }
        }

        public void Clear() => Values = Updates = Messages = Other = 0;

        public string ToJson() => string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"values\":{Values},\"updates\":{Updates},\"messages\":{Messages},\"other\":{Other}}}");
    }

    /// <summary>Samples the managed heap size every 5 ms and keeps the largest.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peak;

        public HeapSampler()
        {
            _timer = new Timer(_ => Sample(), null, 0, 5);
        }

        public long PeakBytes => Interlocked.Read(ref _peak);

        public void Stop()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
            Sample();
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            var now = GC.GetTotalMemory(forceFullCollection: false);
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
            {
            }
        }
    }
}

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
/// consume --url URL --client sdk|bare|sdk,bare [--thread ID] [--expect N] [--warmup W] [--runs R]: streams a run from
/// the side-by-side server W + R times per client (clients in turns) and prints, per client, one JSON line with the
/// median of its R measured runs, its allocations per event, and the process's peak working set and GC heap.
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

        Console.Error.WriteLine("usage: generate EVENTS PATH | consume --url URL --client sdk|bare|sdk,bare [--thread ID] [--expect N] [--warmup W] [--runs R]");
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
        var streamUri = new Uri(url, $"threads/{thread}/runs/stream");
        var body = $"{{\"assistant_id\":\"{AssistantId}\",\"input\":{InputJson},\"stream_mode\":[\"values\",\"updates\",\"messages-tuple\"]}}";

        // Several clients run in turns (sdk, bare, sdk, bare, ...), so that a change in the machine's load hits them alike.
        var clients = clientKinds.Split(',').Select(kind => new Measured(kind, kind switch
        {
            "sdk" => () => StreamWithSdkAsync(sdk, thread, input.RootElement),
            "bare" => () => StreamBareAsync(http, streamUri, body),
            _ => throw new ArgumentException($"unknown client '{kind}' (sdk or bare)", nameof(clientKinds)),
        })).ToList();

        for (var i = 0; i < warmup; i++)
        {
            foreach (var client in clients)
            {
                Check(await client.Once().ConfigureAwait(false), expect);
            }
        }

        using var sampler = new HeapSampler();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        for (var i = 0; i < runs; i++)
        {
            foreach (var client in clients)
            {
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var count = await client.Once().ConfigureAwait(false);
                client.Elapsed.Add(watch.Elapsed.TotalMilliseconds);
                client.Allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                Check(count, expect);
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
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"client\":\"{client.Kind}\",\"events\":{perRun},\"runs\":{runs},\"medianMs\":{median:F1},\"bestMs\":{best:F1}," +
                $"\"eventsPerSec\":{perRun / (median / 1000):F0},\"bestEventsPerSec\":{perRun / (best / 1000):F0}," +
                $"\"allocBytesPerEvent\":{(double)client.Allocated / client.Events:F1},\"peakWorkingSetMB\":{process.PeakWorkingSet64 / 1048576.0:F1}," +
                $"\"peakGcHeapMB\":{sampler.PeakBytes / 1048576.0:F1},\"gen0\":{GC.CollectionCount(0) - gen0},\"gen2\":{GC.CollectionCount(2) - gen2}," +
                $"\"processClients\":\"{clientKinds}\"}}"));
        }

        return 0;
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
    private sealed class Measured(string kind, Func<Task<long>> once)
    {
        public string Kind { get; } = kind;

        public Func<Task<long>> Once { get; } = once;

        public List<double> Elapsed { get; } = [];

        public long Allocated { get; set; }

        public long Events { get; set; }
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

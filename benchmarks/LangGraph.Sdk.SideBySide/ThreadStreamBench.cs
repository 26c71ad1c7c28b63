using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace LangGraph.Sdk.SideBySide;

/// <summary>
/// thread-stream --url URL [--transport sse|websocket[,…]] [--expect N] [--warmup W] [--runs R]: the .NET half of
/// benchmarks/side-by-side/thread-stream.sh. Each run opens a ThreadStream (client.Threads.Stream) on a new minted thread
/// of serve-thread-stream.mjs with the channels messages and lifecycle, starts the run, and counts every event of
/// <see cref="ThreadStream.Events"/> until the root lifecycle ends the run, then disposes the stream. Transports run in
/// turns; per transport one JSON line with the median of its R measured runs and its allocations per event.
/// </summary>
internal static class ThreadStreamBench
{
    private const string InputJson = "{\"messages\":[{\"role\":\"user\",\"content\":\"summarise the thread so far\"}]}";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["transport"] = "sse", ["expect"] = "0", ["warmup"] = "1", ["runs"] = "3" };
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        if (!options.TryGetValue("url", out var url))
        {
            Console.Error.WriteLine("usage: thread-stream --url URL [--transport sse|websocket[,…]] [--expect N] [--warmup W] [--runs R]");
            return 2;
        }

        var transports = options["transport"].Split(',').Select(t => t switch
        {
            "sse" => ThreadStreamTransport.Sse,
            "websocket" => ThreadStreamTransport.WebSocket,
            _ => throw new ArgumentException($"unknown transport '{t}' (sse or websocket)"),
        }).ToList();
        var expect = long.Parse(options["expect"], CultureInfo.InvariantCulture);
        var warmup = int.Parse(options["warmup"], CultureInfo.InvariantCulture);
        var runs = int.Parse(options["runs"], CultureInfo.InvariantCulture);

        using var input = JsonDocument.Parse(InputJson);
        using var client = new LangGraphClient(new LangGraphClientOptions { ApiUrl = new Uri(url), ReadApiKeyFromEnvironment = false });
        for (var i = 0; i < warmup; i++)
        {
            foreach (var transport in transports)
            {
                Check(await OnceAsync(client, transport, input.RootElement).ConfigureAwait(false), expect);
            }
        }

        var elapsed = transports.ToDictionary(t => t, _ => new List<double>());
        var allocated = transports.ToDictionary(t => t, _ => 0L);
        var events = transports.ToDictionary(t => t, _ => 0L);
        for (var i = 0; i < runs; i++)
        {
            foreach (var transport in transports)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                var count = await OnceAsync(client, transport, input.RootElement).ConfigureAwait(false);
                elapsed[transport].Add(watch.Elapsed.TotalMilliseconds);
                allocated[transport] += GC.GetTotalAllocatedBytes(precise: true) - before;
                Check(count, expect);
                events[transport] += count;
            }
        }

        using var process = Process.GetCurrentProcess();
        foreach (var transport in transports)
        {
            var times = elapsed[transport];
            times.Sort();
            var median = times[times.Count / 2];
            var perRun = events[transport] / runs;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"client\":\"cs-{(transport == ThreadStreamTransport.Sse ? "sse" : "websocket")}\",\"events\":{perRun},\"runs\":{runs},\"medianMs\":{median:F1},\"bestMs\":{times[0]:F1}," +
                $"\"eventsPerSec\":{perRun / (median / 1000):F0},\"bestEventsPerSec\":{perRun / (times[0] / 1000):F0}," +
                $"\"allocBytesPerEvent\":{(double)allocated[transport] / events[transport]:F1},\"peakWorkingSetMB\":{process.PeakWorkingSet64 / 1048576.0:F1}}}"));
        }

        return 0;
    }

    /// <summary>One run on a new thread: every event of the stream until the root lifecycle ends the run.</summary>
    private static async Task<long> OnceAsync(LangGraphClient client, ThreadStreamTransport transport, JsonElement input)
    {
        var options = new ThreadStreamOptions { AssistantId = "agent", Transport = transport };
        options.Channels.Clear();
        options.Channels.Add(ThreadChannels.Messages);
        options.Channels.Add(ThreadChannels.Lifecycle);
        await using var thread = client.Threads.Stream(null, options);
        await thread.StartRunAsync(input).ConfigureAwait(false);
        long count = 0;
        await foreach (var e in thread.Events.ConfigureAwait(false))
        {
            count++;
            if (e.IsRoot && e.Method == "lifecycle" && e.Data.GetProperty("event").GetString() is "completed" or "failed" or "interrupted")
            {
                break;
            }
        }

        return count;
    }

    private static void Check(long count, long expect)
    {
        if (expect > 0 && count != expect)
        {
            throw new InvalidOperationException($"expected {expect} events, got {count}");
        }
    }
}

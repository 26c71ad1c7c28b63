using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Benchmarks;

namespace LangGraph.Sdk.SideBySide;

/// <summary>
/// The request half of the side-by-side run (<c>requests</c> command), against <c>serve.mjs --thread-json --search-json</c>:
/// <list type="bullet">
/// <item><c>requests --write DIR</c>: writes <c>thread.json</c> (one thread, about 600 B) and <c>search.json</c> (50 threads).</item>
/// <item><c>requests --url URL --scenario get|search --client sdk,bare[,bare-kept] [--requests N] [--warmup W] [--warmup-seconds S]</c>:
/// a warm-up of at least W calls and S seconds per client (3 s by default), then N sequential calls per client, the
/// clients in turns in blocks of 250, and one JSON line per client: calls per second, mean, p50
/// and p99 microseconds, and bytes allocated per call.</item>
/// <item><c>requests --url URL --scenario get --concurrency C --seconds S --client sdk,bare [--rounds R] [--warmup-seconds S]</c>:
/// a warm-up of S seconds (3 by default) per client at full concurrency, then C callers at once for S seconds per client
/// and round (clients in turns), and one JSON line per client: requests per second over all
/// rounds, p50 and p99 milliseconds.</item>
/// </list>
/// <c>sdk</c> is <c>client.Threads.GetAsync(id)</c> / <c>client.Threads.SearchAsync(new() { Limit = 50 })</c> with the
/// client's own transport; <c>bare</c> is <see cref="HttpClient.SendAsync(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/> +
/// <see cref="JsonDocument.ParseAsync(Stream, JsonDocumentOptions, CancellationToken)"/> reading the thread id (or the
/// array's length), the document disposed; <c>bare-kept</c> the same, keeping the root (<see cref="JsonElement.Clone"/>),
/// as a client returning the data must. Every call checks its answer.
/// <para>
/// The warm-up is timed because the JIT needs it: a method reaches its final (tier-1, profile-guided) code only after it
/// has been called 30 times once 100 ms have passed with no new method compiled, and then through an instrumented tier.
/// A few hundred calls (a tenth of a second) left most of either client in tier-0 code, which measured the JIT's
/// progress (on this machine the 28 KB search parse took 230 µs in tier 0 and 42 µs in tier 1) more than either client,
/// and the SDK, with more methods on its path, more so.
/// </para>
/// </summary>
internal static class RequestBench
{
    private const int Block = 250;
    private const string SearchBody = "{\"limit\":50,\"offset\":0}";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        if (options.TryGetValue("write", out var dir))
        {
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "thread.json"), SyntheticThreads.ThreadJson(1)).ConfigureAwait(false);
            await File.WriteAllTextAsync(Path.Combine(dir, "search.json"), SyntheticThreads.SearchJson(50)).ConfigureAwait(false);
            return 0;
        }

        var url = new Uri(options["url"]);
        var scenario = options.GetValueOrDefault("scenario", "get");
        var kinds = options.GetValueOrDefault("client", "sdk,bare").Split(',');
        // --retry off and --timeout off take the retry pipeline or the timeout out of the SDK's calls, to see what each costs.
        var sdkOptions = new LangGraphClientOptions { ApiUrl = url, ReadApiKeyFromEnvironment = false };
        sdkOptions.Retry.Enabled = options.GetValueOrDefault("retry", "on") != "off";
        if (options.GetValueOrDefault("timeout", "on") == "off")
        {
            sdkOptions.Timeout = Timeout.InfiniteTimeSpan;
        }

        using var sdk = new LangGraphClient(sdkOptions);
        using var http = new HttpClient { BaseAddress = url };
        var threadId = SyntheticThreads.Id(1);
        var calls = kinds.Select(kind => (Kind: kind, Call: Call(kind, scenario, sdk, http, threadId))).ToList();
        var concurrency = int.Parse(options.GetValueOrDefault("concurrency", "1"), CultureInfo.InvariantCulture);
        var warmupTime = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup-seconds", "3"), CultureInfo.InvariantCulture));
        if (concurrency > 1)
        {
            await ConcurrentAsync(
                scenario,
                calls,
                concurrency,
                warmupTime,
                TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "3"), CultureInfo.InvariantCulture)),
                int.Parse(options.GetValueOrDefault("rounds", "2"), CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        else
        {
            await SequentialAsync(
                scenario,
                calls,
                int.Parse(options.GetValueOrDefault("requests", "5000"), CultureInfo.InvariantCulture),
                int.Parse(options.GetValueOrDefault("warmup", "1000"), CultureInfo.InvariantCulture),
                warmupTime).ConfigureAwait(false);
        }

        return 0;
    }

    private static Func<Task> Call(string kind, string scenario, LangGraphClient sdk, HttpClient http, string threadId) => (kind, scenario) switch
    {
        ("sdk", "get") => async () => Expect((await sdk.Threads.GetAsync(threadId).ConfigureAwait(false)).ThreadId == threadId),
        ("sdk", "search") => async () => Expect((await sdk.Threads.SearchAsync(new ThreadSearchOptions { Limit = 50 }).ConfigureAwait(false)).Count == 50),
        ("bare" or "bare-kept", "get") => () => BareAsync(http, HttpMethod.Get, "threads/" + threadId, null, kind == "bare-kept", root => root.GetProperty("thread_id").GetString() == threadId),
        ("bare" or "bare-kept", "search") => () => BareAsync(http, HttpMethod.Post, "threads/search", SearchBody, kind == "bare-kept", root => root.GetArrayLength() == 50),
        _ => throw new ArgumentException($"unknown client '{kind}' or scenario '{scenario}' (sdk, bare, bare-kept; get, search)"),
    };

    private static async Task BareAsync(HttpClient http, HttpMethod method, string path, string? body, bool keep, Func<JsonElement, bool> check)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var document = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            Expect(check(keep ? document.RootElement.Clone() : document.RootElement));
        }
    }

    private static void Expect(bool ok)
    {
        if (!ok)
        {
            throw new InvalidOperationException("The server's answer is not the one expected.");
        }
    }

    private static async Task SequentialAsync(string scenario, List<(string Kind, Func<Task> Call)> calls, int requests, int warmup, TimeSpan warmupTime)
    {
        foreach (var (_, call) in calls)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < warmup || watch.Elapsed < warmupTime; i++)
            {
                await call().ConfigureAwait(false);
            }
        }

        var times = calls.Select(_ => new List<double>(requests)).ToArray();
        var allocated = new long[calls.Count];
        for (var done = 0; done < requests; done += Block)
        {
            var n = Math.Min(Block, requests - done);
            for (var c = 0; c < calls.Count; c++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                for (var i = 0; i < n; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await calls[c].Call().ConfigureAwait(false);
                    times[c].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }

                allocated[c] += GC.GetTotalAllocatedBytes(precise: true) - before;
            }
        }

        for (var c = 0; c < calls.Count; c++)
        {
            var sorted = times[c].Order().ToList();
            var mean = sorted.Average();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"requests\":true,\"scenario\":\"{scenario}\",\"concurrency\":1,\"client\":\"{calls[c].Kind}\",\"calls\":{sorted.Count}," +
                $"\"reqPerSec\":{1e6 / mean:F0},\"meanUs\":{mean:F1},\"p50Us\":{Percentile(sorted, 50):F1},\"p99Us\":{Percentile(sorted, 99):F1}," +
                $"\"allocBytesPerCall\":{(double)allocated[c] / sorted.Count:F0}}}"));
        }
    }

    private static async Task ConcurrentAsync(
        string scenario, List<(string Kind, Func<Task> Call)> calls, int concurrency, TimeSpan warmupTime, TimeSpan duration, int rounds)
    {
        // The warm-up at full concurrency opens the connections of each client and lets the JIT reach its final code.
        foreach (var (_, call) in calls)
        {
            await RunForAsync(call, concurrency, warmupTime).ConfigureAwait(false);
        }

        var results = calls.Select(_ => (Times: new List<double>(), Seconds: 0.0, Allocated: 0L, Gen0: 0, Gen2: 0)).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < calls.Count; c++)
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
                var (times, seconds) = await RunForAsync(calls[c].Call, concurrency, duration).ConfigureAwait(false);
                results[c].Allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
                results[c].Gen0 += GC.CollectionCount(0) - gen0;
                results[c].Gen2 += GC.CollectionCount(2) - gen2;
                results[c].Times.AddRange(times);
                results[c].Seconds += seconds;
            }
        }

        for (var c = 0; c < calls.Count; c++)
        {
            var sorted = results[c].Times.Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"requests\":true,\"scenario\":\"{scenario}\",\"concurrency\":{concurrency},\"client\":\"{calls[c].Kind}\",\"calls\":{sorted.Count}," +
                $"\"reqPerSec\":{sorted.Count / results[c].Seconds:F0},\"meanUs\":{sorted.Average():F1},\"p50Us\":{Percentile(sorted, 50):F1},\"p99Us\":{Percentile(sorted, 99):F1}," +
                $"\"allocBytesPerCall\":{(double)results[c].Allocated / sorted.Count:F0},\"gen0\":{results[c].Gen0},\"gen2\":{results[c].Gen2}}}"));
        }
    }

    /// <summary>Runs <paramref name="concurrency"/> callers, each calling in a loop until <paramref name="duration"/> has passed.</summary>
    private static async Task<(List<double> Times, double Seconds)> RunForAsync(Func<Task> call, int concurrency, TimeSpan duration)
    {
        var perCaller = Enumerable.Range(0, concurrency).Select(_ => new List<double>()).ToArray();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(perCaller.Select(times => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                await call().ConfigureAwait(false);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }))).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        return (perCaller.SelectMany(t => t).ToList(), seconds);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit.Abstractions;

namespace LangGraph.Sdk.IntegrationTests.Faults;

/// <summary>
/// Random faults between the client and the real server, each resumable stream compared with a clean join of the same
/// run. Writes one figure line (<c>faults: N runs, …</c>) to the test output and to a file that <c>.ci/run</c> prints:
/// the directory <c>LANGGRAPH_FAULT_REPORT_DIR</c>, else the test's output directory. The seed is
/// <c>LANGGRAPH_FAULT_SEED</c> when set (to replay a failure), else random; the run count is <c>LANGGRAPH_FAULT_RUNS</c>
/// (default 60).
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class FaultSuiteTests(LangGraphServerFixture server, ITestOutputHelper output)
{
    /// <summary>Ignored by the server (Authorization wins) but a credential all the same, with the characters JSON may escape.</summary>
    private const string ApiKey = "lg+key/sec=ret==";

    private const int Concurrency = 4;

    /// <summary>Pieces of the credentials, raw and in the escaped forms a server may echo.</summary>
    private static readonly string[] Secrets = [LangGraphServerFixture.AliceToken, "key/sec", "key\\/sec", "u002Bkey", "sec=ret", "sec\\u003Dret"];

    [Fact]
    public async Task Random_faults_lose_duplicate_and_reorder_no_event_create_no_second_run_and_leak_no_credential()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("LANGGRAPH_FAULT_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next(1, 1_000_000);
        var runs = int.TryParse(Environment.GetEnvironmentVariable("LANGGRAPH_FAULT_RUNS"), CultureInfo.InvariantCulture, out var r) ? r : 60;
        output.WriteLine($"faults: seed {seed} (replay with LANGGRAPH_FAULT_SEED={seed})");
        var rng = new Random(seed);
        var plans = Enumerable.Range(0, runs).Select(i => FaultPlan.Random(rng, i)).ToList();

        await using var proxy = new FaultProxy(server.Url);
        using var direct = server.CreateClient();
        using var faulted = FaultedClient(proxy);

        var tally = new Tally();
        var watch = Stopwatch.StartNew();
        using var gate = new SemaphoreSlim(Concurrency);
        await Task.WhenAll(plans.Select(async (plan, i) =>
        {
            await gate.WaitAsync();
            try
            {
                await RunOneAsync(i, plan, proxy, direct, faulted, tally);
            }
            finally
            {
                gate.Release();
            }
        }));
        watch.Stop();

        var leakedToOtherOrigin = proxy.OtherOriginRequests.Count(q => q.CarriesCredentials || q.Body.Length > 0);
        tally.Leaks += leakedToOtherOrigin;
        foreach (var route in proxy.Routes.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"route {route.Key}: {route.Value}");
        }

        output.WriteLine($"create POSTs on a reused connection: {proxy.PostsOnReusedConnections}");
        output.WriteLine($"other origin received {proxy.OtherOriginRequests.Count} request(s), {leakedToOtherOrigin} with credentials or a body");
        foreach (var problem in tally.Problems)
        {
            output.WriteLine(problem);
        }

        var line = $"faults: {runs} runs, {tally.Lost} lost, {tally.Duplicated} duplicated, {tally.Reordered} reordered, {tally.DuplicateRuns} duplicate runs, " +
                   $"{tally.Leaks} leaks, {tally.Unrecovered} unrecovered ({tally.Compared} compared with a clean join, {watch.Elapsed.TotalSeconds:0.0} s, seed {seed})";
        output.WriteLine(line);
        WriteReport(line);

        (tally.Lost + tally.Duplicated + tally.Reordered + tally.DuplicateRuns + tally.Leaks + tally.Unrecovered).Should().Be(0, line);
        tally.Compared.Should().BeGreaterThanOrEqualTo(runs / 2, "most runs are resumable streams compared with a clean join");
    }

    [Fact]
    public async Task A_replay_cut_before_its_first_event_after_the_run_finished_is_not_taken_for_the_end()
    {
        // The first connection ends cleanly after 3 of 10 events; the reconnect waits until the run has finished, and is
        // then cut (cleanly, or half-way through an event) before its first event. The rest must still come.
        await using var proxy = new FaultProxy(server.Url);
        using var direct = server.CreateClient();
        using var faulted = FaultedClient(proxy);
        var tally = new Tally();
        var modes = new[] { DropMode.CleanEnd, DropMode.HalfEventCleanEnd };

        for (var i = 0; i < modes.Length; i++)
        {
            var plan = new FaultPlan(
                PostFault.None,
                addLocation: true,
                [new StreamFault.Drop(3, DropMode.CleanEnd), new StreamFault.Stall(1500, new StreamFault.Drop(0, modes[i]))],
                statusFaults: [],
                delayMs: 5);
            await RunOneAsync(i, plan, proxy, direct, faulted, tally);
        }

        foreach (var problem in tally.Problems)
        {
            output.WriteLine(problem);
        }

        tally.Compared.Should().Be(modes.Length);
        (tally.Lost + tally.Duplicated + tally.Unrecovered).Should().Be(0);
    }

    private LangGraphClient FaultedClient(FaultProxy proxy) => server.CreateClient(configure: o =>
    {
        o.ApiUrl = proxy.Url;
        o.ApiKey = ApiKey;
        o.Retry.BaseDelay = TimeSpan.FromMilliseconds(20);
        o.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
    });

    private static async Task RunOneAsync(int index, FaultPlan plan, FaultProxy proxy, LangGraphClient direct, LangGraphClient faulted, Tally tally)
    {
        var label = $"run {index} ({plan.Description})";
        var thread = await direct.Threads.CreateAsync();
        proxy.Register(thread.ThreadId, plan);
        var parts = new List<StreamPart>();
        Exception? error = null;
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                await foreach (var part in faulted.Runs.StreamAsync(thread.ThreadId, "slow", new RunCreateOptions
                {
                    Input = new Dictionary<string, object?> { ["messages"] = new[] { "go" } },
                    Config = new RunConfig { Configurable = { ["delay_ms"] = plan.DelayMs } },
                    StreamMode = [StreamMode.Values, StreamMode.Updates],
                    StreamResumable = true,
                }, timeout.Token))
                {
                    parts.Add(part);
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                tally.Problem($"{label}: the stream hung for 30 s ({parts.Count} events)");
                return;
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }

        if (error is not null && Secrets.FirstOrDefault(secret => error.ToString().Contains(secret, StringComparison.Ordinal)) is { } leaked)
        {
            tally.Leak($"{label}: the {error.GetType().Name} shows '{leaked}': {error.Message}");
        }

        if (error is not null && error is not LangGraphException)
        {
            tally.Problem($"{label}: {error.GetType().Name} is not a LangGraphException: {error.Message}");
        }

        var ids = parts.Where(p => p.Id is not null).Select(p => long.Parse(p.Id!, CultureInfo.InvariantCulture)).ToList();
        // A replayed event comes back with its id, name and data; an event without an id line shares its predecessor's id.
        var duplicated = parts.Count - parts.Select(Key).Distinct(StringComparer.Ordinal).Count();
        var reordered = ids.Zip(ids.Skip(1)).Count(pair => pair.Second < pair.First);
        tally.Add(ref tally.Duplicated, duplicated, $"{label}: {duplicated} duplicated event(s): ids {string.Join(",", ids)}");
        tally.Add(ref tally.Reordered, reordered, $"{label}: {reordered} reordered event(s): ids {string.Join(",", ids)}");

        var created = await direct.Runs.ListAsync(thread.ThreadId);
        tally.Add(ref tally.DuplicateRuns, Math.Max(0, created.Count - 1), $"{label}: {created.Count} runs on one thread");
        var forwardedPosts = proxy.Forwarded(thread.ThreadId, "POST", "/threads/{id}/runs/stream");
        tally.Add(ref tally.DuplicateRuns, Math.Max(0, forwardedPosts - 1), $"{label}: the create POST reached the server {forwardedPosts} times");

        if (created.Count != 1 || plan.Post is PostFault.EchoCredentialsInErrorEvent)
        {
            // No run (the POST never reached the server), or a stream the proxy replaced with an error on purpose.
            if (plan.ExpectsCompleteStream)
            {
                tally.Add(ref tally.Unrecovered, 1, $"{label}: no run was created: {error?.Message}");
            }

            return;
        }

        var runId = created[0].RunId;
        await direct.Runs.JoinAsync(thread.ThreadId, runId);
        var clean = new List<StreamPart>();
        await foreach (var part in direct.Runs.JoinStreamAsync(thread.ThreadId, runId, new RunJoinStreamOptions { LastEventId = "-1" }))
        {
            clean.Add(part);
        }

        tally.Compare();
        var got = parts.Select(Key).ToHashSet(StringComparer.Ordinal);
        var missing = clean.Select(Key).Count(k => !got.Contains(k));
        if (error is null || plan.ExpectsCompleteStream)
        {
            // A stream that returns normally must be whole; so must one whose faults stayed within the client's budgets.
            tally.Add(ref tally.Lost, missing, $"{label}: {missing} of {clean.Count} events lost{(error is null ? " silently" : $", then: {error.Message}")}");
            var extra = parts.Select(Key).Count(k => !clean.Select(Key).Contains(k, StringComparer.Ordinal));
            tally.Add(ref tally.Duplicated, extra, $"{label}: {extra} event(s) not in the clean join");
        }

        if (error is not null && plan.ExpectsCompleteStream)
        {
            tally.Add(ref tally.Unrecovered, 1, $"{label}: {error.GetType().Name}: {error.Message}");
        }
    }

    private static string Key(StreamPart part) => $"{part.Id}|{part.Event}|{part.Data.GetRawText()}";

    private static void WriteReport(string line)
    {
        // The test assembly's framework (AppContext.TargetFrameworkName is the test host's).
        var framework = typeof(FaultSuiteTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName is { } name ? new FrameworkName(name) : null;
        var tfm = framework is null ? "unknown" : $"net{framework.Version.Major}.{framework.Version.Minor}";
        var directory = Environment.GetEnvironmentVariable("LANGGRAPH_FAULT_REPORT_DIR") is { Length: > 0 } dir ? dir : AppContext.BaseDirectory;
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"faults-{tfm}.txt"), $"{line} [{tfm}]\n");
    }

    private sealed class Tally
    {
        public int Lost;
        public int Duplicated;
        public int Reordered;
        public int DuplicateRuns;
        public int Leaks;
        public int Unrecovered;
        public int Compared;

        public ConcurrentQueue<string> Problems { get; } = new();

        public void Add(ref int counter, int count, string problem)
        {
            if (count > 0)
            {
                Interlocked.Add(ref counter, count);
                Problems.Enqueue(problem);
            }
        }

        public void Leak(string problem) => Add(ref Leaks, 1, problem);

        public void Problem(string problem) => Add(ref Unrecovered, 1, problem);

        public void Compare() => Interlocked.Increment(ref Compared);
    }
}

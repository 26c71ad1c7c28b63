// The latency and throughput the auth gateway adds, on loopback:
//
//   dotnet run -c Release --project benchmarks/LangGraph.Sdk.Auth.AspNetCore.Benchmarks -- \
//       [--upstream synthetic|dev|both] [--requests 2000] [--seconds 5] [--clients 32]
//
// For each upstream it measures sequential GET /threads/{id} (p50, p99; direct and through the gateway in alternating
// blocks, so machine load hits both alike) and the requests per second of --clients concurrent clients for --seconds
// each. "synthetic" is a minimal Kestrel app answering a fixed thread (the gateway's own cost, nothing else);
// "dev" is the real no-auth LangGraph dev server of tests/server (what a deployment sees).
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth.AspNetCore;
using LangGraph.Sdk.IntegrationTests.Gateway;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LangGraph.Sdk.Benchmarks;

var upstreamKind = Option("--upstream", "both");
var requests = int.Parse(Option("--requests", "2000"), CultureInfo.InvariantCulture);
var seconds = double.Parse(Option("--seconds", "5"), CultureInfo.InvariantCulture);
var clients = int.Parse(Option("--clients", "32"), CultureInfo.InvariantCulture);

Console.WriteLine($"Auth gateway overhead: GET /threads/{{id}}, {requests} sequential requests, {clients} clients for {seconds:0.#} s; " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
var ok = true;
if (upstreamKind is "synthetic" or "both")
{
    await using var synthetic = await StartAsync(SyntheticUpstream);
    ok &= await MeasureAsync("synthetic upstream (Kestrel, fixed thread)", synthetic.Url);
}

if (upstreamKind is "dev" or "both")
{
    await using var dev = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions { ConfigFile = LangGraphDevServerOptions.NoAuthConfig });
    ok &= await MeasureAsync("real no-auth LangGraph dev server (langgraphjs dev 1.5.1)", dev.Url);
}

return ok ? 0 : 1;

async Task<bool> MeasureAsync(string name, Uri upstream)
{
    await using var gateway = await StartAsync(app => app.MapLangGraphAuthGateway(), services =>
        services.AddLangGraphAuth(LangGraph.Sdk.Auth.Auth.FromHandlers(new TestUsersAuth())).AddGateway(o => o.Upstream = upstream));
    using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false });
    http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "alice-token");

    // alice's thread, created through the gateway (owner stamped), read both ways.
    using var created = await http.PostAsync(new Uri(gateway.Url, "/threads"), new StringContent("{}", Encoding.UTF8, "application/json"));
    created.EnsureSuccessStatusCode();
    var threadId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("thread_id").GetString();
    var direct = new Uri(upstream, $"/threads/{threadId}");
    var through = new Uri(gateway.Url, $"/threads/{threadId}");
    if (!await SameThreadAsync(http, direct, through))
    {
        Console.WriteLine($"{name}: the gateway's answer differs from the upstream's; not measuring.");
        return false;
    }

    // Warm-up (JIT, connection pools), then alternating blocks of sequential requests.
    await LatencySampler.SequentialAsync(http, direct, 200);
    await LatencySampler.SequentialAsync(http, through, 200);
    var directTimes = new List<double>(requests);
    var gatewayTimes = new List<double>(requests);
    const int block = 250;
    for (var done = 0; done < requests; done += block)
    {
        var n = Math.Min(block, requests - done);
        directTimes.AddRange(await LatencySampler.SequentialAsync(http, direct, n));
        gatewayTimes.AddRange(await LatencySampler.SequentialAsync(http, through, n));
    }

    var directRate = await ThroughputAsync(http, direct);
    var gatewayRate = await ThroughputAsync(http, through);

    Console.WriteLine();
    Console.WriteLine($"{name}: {upstream} (gateway {gateway.Url})");
    Console.WriteLine($"  sequential   {"p50 ms",8} {"p99 ms",8} {"mean ms",8}");
    Console.WriteLine($"  direct       {LatencySampler.Percentile(directTimes, 50),8:0.000} {LatencySampler.Percentile(directTimes, 99),8:0.000} {directTimes.Average(),8:0.000}");
    Console.WriteLine($"  gateway      {LatencySampler.Percentile(gatewayTimes, 50),8:0.000} {LatencySampler.Percentile(gatewayTimes, 99),8:0.000} {gatewayTimes.Average(),8:0.000}");
    Console.WriteLine($"  added        {LatencySampler.Percentile(gatewayTimes, 50) - LatencySampler.Percentile(directTimes, 50),8:+0.000;-0.000} {LatencySampler.Percentile(gatewayTimes, 99) - LatencySampler.Percentile(directTimes, 99),8:+0.000;-0.000}");
    Console.WriteLine($"  {clients} clients  direct {directRate,8:0} req/s   gateway {gatewayRate,8:0} req/s   ratio {gatewayRate / directRate,6:P1}");
    return true;
}

async Task<double> ThroughputAsync(HttpClient http, Uri uri)
{
    var count = 0L;
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        while (!stop.IsCancellationRequested)
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref count);
        }
    }));
    return count / watch.Elapsed.TotalSeconds;
}

static async Task<bool> SameThreadAsync(HttpClient http, Uri direct, Uri through)
{
    var a = await http.GetStringAsync(direct);
    var b = await http.GetStringAsync(through);
    return JsonDocument.Parse(a).RootElement.GetProperty("thread_id").GetString() == JsonDocument.Parse(b).RootElement.GetProperty("thread_id").GetString();
}

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

// A stand-in for the LangGraph server: POST /threads returns a thread with the metadata it was sent, GET /threads/{id}
// a fixed thread owned by alice (the size of a fresh thread from the dev server).
static void SyntheticUpstream(WebApplication app)
{
    const string id = "0199a3c2-7b1e-7d2a-9c4f-1a2b3c4d5e6f";
    var thread = Encoding.UTF8.GetBytes(
        $$$"""{"thread_id":"{{{id}}}","created_at":"2026-01-01T00:00:00.000Z","updated_at":"2026-01-01T00:00:00.000Z","metadata":{"owner":"alice"},"status":"idle","config":{}}""");
    app.MapGet("/info", () => Results.Json(new { version = "synthetic" }));
    app.MapPost("/threads", () => Results.Bytes(thread, "application/json"));
    app.MapGet("/threads/{threadId}", (string threadId) => threadId == id ? Results.Bytes(thread, "application/json") : Results.NotFound());
}

static async Task<Host> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null)
{
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    services?.Invoke(builder.Services);
    var app = builder.Build();
    map(app);
    await app.StartAsync();
    var address = app.Urls.First();
    return new Host(app, new Uri(address));
}

internal sealed record Host(WebApplication App, Uri Url) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

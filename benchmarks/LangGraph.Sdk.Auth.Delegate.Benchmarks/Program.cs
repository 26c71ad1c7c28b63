// The latency the auth delegate adds, on loopback:
//
//   dotnet run -c Release --project benchmarks/LangGraph.Sdk.Auth.Delegate.Benchmarks -- [--requests 2000]
//
// Two JS servers of tests/server: one with its own auth.ts, one whose auth file is the shipped auth-delegate.mjs,
// calling the delegate endpoint hosted here (Kestrel, 127.0.0.1:0) with TestUsersAuth, the C# twin of auth.ts. Each
// request runs authenticate and threads:read, so a delegated GET /threads/{id} makes two calls to the endpoint over
// one kept-alive connection. Sequential requests, in alternating blocks so that machine load hits both alike.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.IntegrationTests.Gateway;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LangGraph.Sdk.Benchmarks;

var requests = int.Parse(Option("--requests", "2000"), CultureInfo.InvariantCulture);
Console.WriteLine($"Auth delegate overhead: GET /threads/{{id}}, {requests} sequential requests each; {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var secret = "bench-" + Guid.NewGuid().ToString("N");
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
builder.Services.AddLangGraphAuth(LangGraph.Sdk.Auth.Auth.FromHandlers(new TestUsersAuth())).AddDelegate(o => o.Secret = secret);
await using var endpointApp = builder.Build();
endpointApp.MapLangGraphAuthDelegate("/langgraph-auth");
await endpointApp.StartAsync();
var endpoint = endpointApp.Urls.First().TrimEnd('/') + "/langgraph-auth";

var config = JsonNode.Parse(File.ReadAllText(Path.Combine(LangGraphDevServer.BundledFixtureDirectory, LangGraphDevServerOptions.AuthConfig)))!.AsObject();
config["auth"] = new JsonObject { ["path"] = "./auth-delegate.mjs:auth" };
var delegated = new LangGraphDevServerOptions { ConfigFile = "langgraph.delegate.json" };
delegated.Files["langgraph.delegate.json"] = config.ToJsonString();
delegated.Files["auth-delegate.mjs"] = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "auth-delegate.mjs"));
delegated.EnvironmentVariables["LANGGRAPH_AUTH_DELEGATE_URL"] = endpoint;
delegated.EnvironmentVariables["LANGGRAPH_AUTH_DELEGATE_SECRET"] = secret;

await using var jsAuth = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions { ConfigFile = LangGraphDevServerOptions.AuthConfig });
await using var delegateAuth = await LangGraphDevServer.StartAsync(delegated);

using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false });
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "alice-token");
var jsThread = await CreateThreadAsync(http, jsAuth.Url);
var delegateThread = await CreateThreadAsync(http, delegateAuth.Url);

// Warm-up (JIT, connection pools), then alternating blocks.
await LatencySampler.SequentialAsync(http, jsThread, 300);
await LatencySampler.SequentialAsync(http, delegateThread, 300);
var jsTimes = new List<double>(requests);
var delegateTimes = new List<double>(requests);
const int block = 250;
for (var done = 0; done < requests; done += block)
{
    var n = Math.Min(block, requests - done);
    jsTimes.AddRange(await LatencySampler.SequentialAsync(http, jsThread, n));
    delegateTimes.AddRange(await LatencySampler.SequentialAsync(http, delegateThread, n));
}

Console.WriteLine();
Console.WriteLine($"  sequential            {"p50 ms",8} {"p99 ms",8} {"mean ms",8}");
Console.WriteLine($"  JS auth.ts            {LatencySampler.Percentile(jsTimes, 50),8:0.000} {LatencySampler.Percentile(jsTimes, 99),8:0.000} {jsTimes.Average(),8:0.000}");
Console.WriteLine($"  auth-delegate.mjs→C#  {LatencySampler.Percentile(delegateTimes, 50),8:0.000} {LatencySampler.Percentile(delegateTimes, 99),8:0.000} {delegateTimes.Average(),8:0.000}");
Console.WriteLine($"  added                 {LatencySampler.Percentile(delegateTimes, 50) - LatencySampler.Percentile(jsTimes, 50),8:+0.000;-0.000} {LatencySampler.Percentile(delegateTimes, 99) - LatencySampler.Percentile(jsTimes, 99),8:+0.000;-0.000}");
await endpointApp.StopAsync();
return 0;

static async Task<Uri> CreateThreadAsync(HttpClient http, Uri server)
{
    using var created = await http.PostAsync(new Uri(server, "/threads"), new StringContent("{}", Encoding.UTF8, "application/json"));
    created.EnsureSuccessStatusCode();
    using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
    if (json.RootElement.GetProperty("metadata").GetProperty("owner").GetString() != "alice")
    {
        throw new InvalidOperationException("The thread was not stamped with its owner; not measuring.");
    }

    return new Uri(server, $"/threads/{json.RootElement.GetProperty("thread_id").GetString()}");
}

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace LangGraph.Sdk.Benchmarks;

/// <summary>
/// The per-call cost of plain JSON calls over an in-memory <see cref="HttpMessageHandler"/> that answers from memory, so
/// that the client's own cost dominates: <c>Threads.GetAsync</c> (one thread of about 600 B), <c>Threads.SearchAsync</c>
/// (50 threads), <c>Threads.CreateAsync</c>, <c>Runs.GetAsync</c>, <c>Assistants.GetAsync</c> and
/// <c>Threads.GetStateAsync</c>, each against the bare loop a hand-written client would run
/// (<see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/> + <see cref="JsonDocument"/>). One
/// operation is one call (the Events/s column is calls per second).
/// </summary>
[MemoryDiagnoser]
public class RequestBenchmarks : IDisposable
{
    private const string SearchBody = "{\"limit\":50,\"offset\":0}";
    private const string CreateBody = "{\"metadata\":{\"owner\":\"alice\"}}";
    private static readonly Uri BaseUrl = new("http://localhost:2024");

    private HttpClient? _http;
    private LangGraphClient? _client;

    [GlobalSetup]
    public void Setup()
    {
        var one = Encoding.UTF8.GetBytes(SyntheticThreads.ThreadJson(1));
        var many = Encoding.UTF8.GetBytes(SyntheticThreads.SearchJson(50));
        var others = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["/runs/"] = Encoding.UTF8.GetBytes(SyntheticThreads.RunJson()),
            ["/assistants/"] = Encoding.UTF8.GetBytes(SyntheticThreads.AssistantJson()),
            ["/state"] = Encoding.UTF8.GetBytes(SyntheticThreads.StateJson()),
        };
        _http = new HttpClient(new InMemoryJsonHandler(one, many, others)) { Timeout = Timeout.InfiniteTimeSpan, BaseAddress = BaseUrl };
        _client = new LangGraphClient(new LangGraphClientOptions { ApiUrl = BaseUrl, ReadApiKeyFromEnvironment = false }, _http);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _client?.Dispose();
        _http?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The bare loop for a GET: send, read the body into a JsonDocument, read one property.</summary>
    [Benchmark(Baseline = true, Description = "Bare GET /threads/{id} + JsonDocument")]
    public Task<int> BareGet() => BareAsync(HttpMethod.Get, "/threads/7f1c9a52", null, keep: false, static root => root.GetProperty("thread_id").GetString()!.Length);

    /// <summary>
    /// The bare loop for a GET that keeps what it read, as a client returning the thread must: the document is parsed
    /// and its root cloned (a standalone element), so that it outlives the pooled buffers of the parse.
    /// </summary>
    [Benchmark(Description = "Bare GET /threads/{id} + JsonElement kept")]
    public Task<int> BareGetKept() => BareAsync(HttpMethod.Get, "/threads/7f1c9a52", null, keep: true, static root => root.GetProperty("thread_id").GetString()!.Length);

    /// <summary>The SDK: <c>client.Threads.GetAsync</c>, a typed <see cref="LangGraphThread"/>.</summary>
    [Benchmark(Description = "SDK Threads.GetAsync")]
    public async Task<int> SdkGet() => (await _client!.Threads.GetAsync("7f1c9a52").ConfigureAwait(false)).ThreadId.Length;

    /// <summary>The bare loop for a search of 50 threads.</summary>
    [Benchmark(Description = "Bare POST /threads/search (50) + JsonDocument")]
    public Task<int> BareSearch() => BareAsync(HttpMethod.Post, "/threads/search", SearchBody, keep: false, static root => root.GetArrayLength());

    /// <summary>The bare loop for a search of 50 threads that keeps what it read (the root cloned).</summary>
    [Benchmark(Description = "Bare POST /threads/search (50) + JsonElement kept")]
    public Task<int> BareSearchKept() => BareAsync(HttpMethod.Post, "/threads/search", SearchBody, keep: true, static root => root.GetArrayLength());

    /// <summary>The SDK: <c>client.Threads.SearchAsync(limit 50)</c>.</summary>
    [Benchmark(Description = "SDK Threads.SearchAsync (50)")]
    public async Task<int> SdkSearch() =>
        (await _client!.Threads.SearchAsync(new ThreadSearchOptions { Limit = 50 }).ConfigureAwait(false)).Count;

    /// <summary>The bare loop for a create: POST a small JSON body, read the thread into a JsonDocument.</summary>
    [Benchmark(Description = "Bare POST /threads + JsonDocument")]
    public Task<int> BareCreate() => BareAsync(HttpMethod.Post, "/threads", CreateBody, keep: false, static root => root.GetProperty("thread_id").GetString()!.Length);

    /// <summary>The SDK: <c>client.Threads.CreateAsync</c> with metadata.</summary>
    [Benchmark(Description = "SDK Threads.CreateAsync")]
    public async Task<int> SdkCreate() =>
        (await _client!.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["owner"] = "alice" } }).ConfigureAwait(false)).ThreadId.Length;

    /// <summary>The bare loop for a run, keeping what it read.</summary>
    [Benchmark(Description = "Bare GET /threads/{id}/runs/{run_id} + JsonElement kept")]
    public Task<int> BareRunKept() => BareAsync(HttpMethod.Get, "/threads/7f1c9a52/runs/1f0c9a52", null, keep: true, static root => root.GetProperty("run_id").GetString()!.Length);

    /// <summary>The SDK: <c>client.Runs.GetAsync</c>, a typed <see cref="Run"/>.</summary>
    [Benchmark(Description = "SDK Runs.GetAsync")]
    public async Task<int> SdkRun() => (await _client!.Runs.GetAsync("7f1c9a52", "1f0c9a52").ConfigureAwait(false)).RunId.Length;

    /// <summary>The bare loop for an assistant, keeping what it read.</summary>
    [Benchmark(Description = "Bare GET /assistants/{id} + JsonElement kept")]
    public Task<int> BareAssistantKept() => BareAsync(HttpMethod.Get, "/assistants/fe096781", null, keep: true, static root => root.GetProperty("assistant_id").GetString()!.Length);

    /// <summary>The SDK: <c>client.Assistants.GetAsync</c>, a typed <see cref="Assistant"/>.</summary>
    [Benchmark(Description = "SDK Assistants.GetAsync")]
    public async Task<int> SdkAssistant() => (await _client!.Assistants.GetAsync("fe096781").ConfigureAwait(false)).AssistantId.Length;

    /// <summary>The bare loop for a thread's state, keeping what it read.</summary>
    [Benchmark(Description = "Bare GET /threads/{id}/state + JsonElement kept")]
    public Task<int> BareStateKept() => BareAsync(HttpMethod.Get, "/threads/7f1c9a52/state", null, keep: true, static root => root.GetProperty("next").GetArrayLength());

    /// <summary>The SDK: <c>client.Threads.GetStateAsync</c>, a typed <see cref="ThreadState"/>.</summary>
    [Benchmark(Description = "SDK Threads.GetStateAsync")]
    public async Task<int> SdkState() => (await _client!.Threads.GetStateAsync("7f1c9a52").ConfigureAwait(false)).Next.Count;

    /// <summary>
    /// The bare loop: send (with a small JSON body for a POST), read the body into a <see cref="JsonDocument"/>, and read
    /// from its root; with <paramref name="keep"/> the root is cloned first (a standalone element that outlives the
    /// document's pooled buffers), as a client returning what it read must.
    /// </summary>
    private async Task<int> BareAsync(HttpMethod method, string path, string? body, bool keep, Func<JsonElement, int> read)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http!.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
        return read(keep ? doc.RootElement.Clone() : doc.RootElement);
    }

    /// <summary>
    /// Answers search with the list, a path holding a key of <paramref name="others"/> with its body (a run, an
    /// assistant, a state), every other request with the one thread.
    /// </summary>
    private sealed class InMemoryJsonHandler(byte[] one, byte[] many, Dictionary<string, byte[]> others) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = path.EndsWith("/search", StringComparison.Ordinal) ? many : one;
            foreach (var (part, other) in others)
            {
                if (path.Contains(part, StringComparison.Ordinal))
                {
                    body = other;
                }
            }

            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace RemoteGraphService;

/// <summary>
/// <c>--self-test</c>: starts the service on a free port (twice: on the <c>echo</c> graph and on the <c>failing</c> one),
/// calls it over HTTP as alice and as bob, and checks each answer. Without <c>LANGGRAPH_API_URL</c> it first starts the
/// bundled LangGraph dev server (custom auth: <c>Bearer alice-token</c> / <c>Bearer bob-token</c>, each user sees only
/// their own threads). Exit code 0 when every check passed, 1 otherwise.
/// </summary>
internal static class SelfTest
{
    public static async Task<int> RunAsync()
    {
        var url = Environment.GetEnvironmentVariable("LANGGRAPH_API_URL");
        var alice = Environment.GetEnvironmentVariable("ALICE_TOKEN") ?? "alice-token";
        var bob = Environment.GetEnvironmentVariable("BOB_TOKEN") ?? "bob-token";

        LangGraphDevServer? server = null;
        try
        {
            if (string.IsNullOrWhiteSpace(url))
            {
                Console.WriteLine("LANGGRAPH_API_URL is not set: starting the bundled LangGraph dev server (langgraphjs dev, tests/server)...");
                server = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions { Log = line => Console.WriteLine("  " + line) });
                url = server.Url.ToString();
            }

            await using var echo = await StartServiceAsync(url, "echo");
            await using var failing = await StartServiceAsync(url, "failing");
            Console.WriteLine($"LangGraph server:                {url}");
            Console.WriteLine($"This service, graph 'echo':      {echo.BaseAddress}");
            Console.WriteLine($"This service, graph 'failing':   {failing.BaseAddress}");
            Console.WriteLine();

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            var checks = new Checks();
            var thread = Guid.NewGuid().ToString();

            var answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", alice, Body("hello", null));
            checks.Report("alice", "POST /chat {message: \"hello\"} (stateless)", answer,
                answer.Status == 200 && answer.Text("reply") == "echo: hello" && answer.Text("state", "auth_user", "identity") == "alice"
                && answer.Body.GetProperty("threadId").ValueKind == JsonValueKind.Null,
                "200, reply \"echo: hello\", the graph running as alice");

            answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", bob, Body("hello", null));
            checks.Report("bob", "POST /chat {message: \"hello\"} (stateless)", answer,
                answer.Status == 200 && answer.Text("state", "auth_user", "identity") == "bob",
                "200, the graph running as bob");

            answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", alice, Body("first", thread));
            checks.Report("alice", $"POST /chat {{message: \"first\", threadId: {thread}}} (new conversation)", answer,
                answer.Status == 200 && answer.Text("reply") == "echo: first" && answer.Text("threadId") == thread,
                "200, reply \"echo: first\" (the thread is created on first use)");

            answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", alice, Body("second", thread));
            checks.Report("alice", "POST /chat {message: \"second\", threadId} (same conversation)", answer,
                answer.Status == 200 && answer.Messages("state").SequenceEqual(["first", "echo: first", "second", "echo: second"]),
                "200, the state holding both turns");

            answer = await SendAsync(http, echo, HttpMethod.Get, $"/chat/{thread}", alice, body: null);
            checks.Report("alice", "GET /chat/{threadId}", answer,
                answer.Status == 200 && answer.Messages("values").Count == 4 && answer.Body.GetProperty("next").GetArrayLength() == 0,
                "200, four messages, nothing left to run");

            answer = await SendAsync(http, echo, HttpMethod.Get, $"/chat/{thread}", bob, body: null);
            checks.Report("bob", "GET /chat/{alice's threadId}", answer, answer.Status == 404, "404: bob cannot read alice's conversation");

            answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", bob, Body("let me in", thread));
            checks.Report("bob", "POST /chat {threadId: alice's}", answer, answer.Status == 404, "404: bob cannot run on alice's conversation");

            answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", token: null, Body("hello", null));
            checks.Report("nobody", "POST /chat without Authorization", answer, answer.Status == 401, "401 from this service (the graph is not called)");

            answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", "nope", Body("hello", null));
            checks.Report("nope", "POST /chat with 'Bearer nope'", answer, answer.Status == 401, "401 from the LangGraph server, passed through");

            answer = await SendAsync(http, echo, HttpMethod.Post, "/chat", alice, Body("hello", "not-a-uuid"));
            checks.Report("alice", "POST /chat {threadId: \"not-a-uuid\"}", answer, answer.Status == 400, "400");

            answer = await SendAsync(http, failing, HttpMethod.Post, "/chat", alice, Body("hello", null));
            checks.Report("alice", "POST /chat on the 'failing' graph", answer,
                answer.Status == 502 && answer.Text("errorName") == "CustomError",
                "502 with errorName CustomError (a RemoteGraphException)");

            Console.WriteLine();
            Console.WriteLine(checks.Failed == 0
                ? $"All {checks.Passed} checks passed: each caller's token reached the graph, and the LangGraph server's auth kept alice's conversation from bob."
                : $"{checks.Failed} of {checks.Passed + checks.Failed} checks FAILED.");
            return checks.Failed == 0 ? 0 : 1;
        }
        catch (Exception ex)
        {
            Console.WriteLine($"Self-test failed: {ex}");
            return 1;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<RunningService> StartServiceAsync(string apiUrl, string graph)
    {
        var app = ChatApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LangGraph:ApiUrl"] = apiUrl,
                ["LangGraph:Graph"] = graph,
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await app.StartAsync();

        // Port 0: Kestrel picked a free port, and app.Urls now holds the address it bound.
        return new RunningService(app, new Uri(app.Urls.First()));
    }

    private static Dictionary<string, string?> Body(string message, string? threadId) => new() { ["message"] = message, ["threadId"] = threadId };

    private static async Task<Answer> SendAsync(HttpClient http, RunningService service, HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(service.BaseAddress, path));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return new Answer((int)response.StatusCode, default);
        }

        using var document = JsonDocument.Parse(text);
        return new Answer((int)response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>A status and a JSON body (an answer of the service, or a problem details object).</summary>
    private sealed record Answer(int Status, JsonElement Body)
    {
        /// <summary>The string at a property path, or null.</summary>
        public string? Text(params string[] path)
        {
            var current = Body;
            foreach (var name in path)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return null;
                }
            }

            return current.ValueKind == JsonValueKind.String ? current.GetString() : null;
        }

        /// <summary>The strings of <c>{property}.messages</c>; empty when there are none.</summary>
        public IReadOnlyList<string?> Messages(string property) =>
            Body.ValueKind == JsonValueKind.Object
            && Body.TryGetProperty(property, out var state)
            && state.ValueKind == JsonValueKind.Object
            && state.TryGetProperty("messages", out var messages)
            && messages.ValueKind == JsonValueKind.Array
                ? [.. messages.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetRawText())]
                : [];

        /// <summary>One line saying what came back.</summary>
        public string Summary()
        {
            if (Text("reply") is { } reply)
            {
                var identity = Text("state", "auth_user", "identity");
                return $"reply \"{reply}\", {Messages("state").Count} message(s) in the state, the graph saw langgraph_auth_user.identity = {identity ?? "(none)"}";
            }

            if (Text("threadId") is not null && Body.TryGetProperty("values", out _))
            {
                return $"messages [{string.Join(", ", Messages("values").Select(m => $"\"{m}\""))}]";
            }

            var errorName = Text("errorName") is { } name ? $" (errorName {name})" : string.Empty;
            return $"{Text("title")} {Text("detail")}{errorName}".Trim();
        }
    }

    private sealed class Checks
    {
        public int Passed { get; private set; }

        public int Failed { get; private set; }

        public void Report(string caller, string call, Answer answer, bool ok, string expected)
        {
            Console.WriteLine($"{caller,-6}  {call}");
            Console.WriteLine($"        -> {answer.Status} {answer.Summary()}");
            if (ok)
            {
                Passed++;
            }
            else
            {
                Console.WriteLine($"        FAIL: expected {expected}");
                Failed++;
            }
        }
    }

    private sealed class RunningService(WebApplication app, Uri baseAddress) : IAsyncDisposable
    {
        public Uri BaseAddress { get; } = baseAddress;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

// The README's "run" command: dotnet run --project samples/Quickstart
//
// Without LANGGRAPH_API_URL it starts the bundled LangGraph dev server (tests/server, custom auth with two users),
// then, as alice and as bob, creates and searches threads and shows that each user sees only their own, and streams a
// run whose output shows the authenticated user reaching the graph (config.configurable.langgraph_auth_user), and
// calls the graph through RemoteGraph.InvokeAsync as another service would.
// Then (part 2, bundled server only) it runs the same rules written in C# (LangGraph.Sdk.Auth) in the auth gateway of
// LangGraph.Sdk.Auth.AspNetCore, in front of a second dev server that has no auth at all, and shows the same results.
// With LANGGRAPH_API_URL set it talks to that server instead; ALICE_TOKEN and BOB_TOKEN give the two Bearer tokens.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using LangGraph.Sdk;
using LangGraph.Sdk.Testing;

var url = Environment.GetEnvironmentVariable("LANGGRAPH_API_URL");
var aliceToken = Environment.GetEnvironmentVariable("ALICE_TOKEN") ?? "alice-token";
var bobToken = Environment.GetEnvironmentVariable("BOB_TOKEN") ?? "bob-token";

LangGraphDevServer? server = null;
if (string.IsNullOrWhiteSpace(url))
{
    Console.WriteLine("LANGGRAPH_API_URL is not set: starting the bundled LangGraph dev server (langgraphjs dev, tests/server)...");
    server = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions { Log = line => Console.WriteLine("  " + line) });
    url = server.Url.ToString();
}

try
{
    Console.WriteLine($"Server: {url}");
    Console.WriteLine();

    // One client per user, each with its Bearer token as a default header (the seed guide's client half).
    using var alice = new LangGraphClient(new LangGraphClientOptions
    {
        ApiUrl = new Uri(url),
        DefaultHeaders = { ["Authorization"] = $"Bearer {aliceToken}" },
    });
    using var bob = new LangGraphClient(new LangGraphClientOptions
    {
        ApiUrl = new Uri(url),
        DefaultHeaders = { ["Authorization"] = $"Bearer {bobToken}" },
    });

    var run = "quickstart-" + Guid.NewGuid().ToString("N")[..8];
    var aliceThreads = new[]
    {
        await alice.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["run"] = run, ["topic"] = "billing" } }),
        await alice.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["run"] = run, ["topic"] = "travel" } }),
    };
    var bobThread = await bob.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["run"] = run, ["topic"] = "music" } });

    foreach (var thread in aliceThreads.Append(bobThread))
    {
        Console.WriteLine($"created  {thread.ThreadId}  owner={thread.Metadata["owner"]}  topic={thread.Metadata["topic"]}");
    }

    Console.WriteLine();
    var search = new ThreadSearchOptions { Metadata = { ["run"] = run } };
    var aliceSees = await alice.Threads.SearchAsync(search);
    var bobSees = await bob.Threads.SearchAsync(search);
    Console.WriteLine($"alice searches and sees {aliceSees.Count} thread(s): {string.Join(", ", aliceSees.Select(t => t.Metadata["topic"]))}");
    Console.WriteLine($"bob   searches and sees {bobSees.Count} thread(s): {string.Join(", ", bobSees.Select(t => t.Metadata["topic"]))}");

    try
    {
        await bob.Threads.GetAsync(aliceThreads[0].ThreadId);
        Console.WriteLine("bob could read alice's thread: custom auth is not scoping threads on this server!");
        return 1;
    }
    catch (LangGraphNotFoundException ex)
    {
        Console.WriteLine($"bob reads alice's thread -> {ex.StatusCode}: {ex.Detail}");
    }

    // The seed guide's flow: a streamed run on alice's thread. The echo graph copies
    // config.configurable.langgraph_auth_user into its state, so the output shows who the server authenticated.
    Console.WriteLine();
    Console.WriteLine("alice streams a run on her thread (stream modes: updates, values):");
    JsonElement? final = null;
    await foreach (StreamPart part in alice.Runs.StreamAsync(aliceThreads[0].ThreadId, "echo", new RunCreateOptions
    {
        Input = new Dictionary<string, object?> { ["messages"] = new[] { "hello from alice" } },
        StreamMode = [StreamMode.Updates, StreamMode.Values],
        OnRunCreated = created => Console.WriteLine($"  run {created.RunId} created on thread {created.ThreadId}"),
    }))
    {
        Console.WriteLine($"  {part.Event,-8} id={part.Id,-2} {Shorten(part.Data.GetRawText())}");
        if (part.TryGetValues(out var values))
        {
            final = values;
        }
    }

    var authUser = final?.GetProperty("auth_user");
    Console.WriteLine($"  langgraph_auth_user seen by the graph: {authUser?.GetRawText()}");
    var bobOutput = await bob.Runs.WaitAsync(bobThread.ThreadId, "echo", new RunCreateOptions
    {
        Input = new Dictionary<string, object?> { ["messages"] = new[] { "hello from bob" } },
    });
    Console.WriteLine($"bob waits for a run on his thread; the graph saw identity={bobOutput.GetProperty("auth_user_id").GetString()}");

    // The same deployment called from another service, as if the graph were local (RemoteGraph.InvokeAsync), with
    // alice's token. The thread id in the config keeps the conversation: the thread is created on the first call.
    Console.WriteLine();
    using var remote = new RemoteGraph("echo", new RemoteGraphOptions
    {
        Url = new Uri(url),
        Headers = { ["Authorization"] = $"Bearer {aliceToken}" },
    });
    var conversation = new RunConfig { Configurable = { ["thread_id"] = Guid.NewGuid().ToString() } };
    await remote.InvokeAsync(new Dictionary<string, object?> { ["messages"] = new[] { "first" } }, conversation);
    var remoteOutput = await remote.InvokeAsync(new Dictionary<string, object?> { ["messages"] = new[] { "second" } }, conversation);
    var remoteMessages = remoteOutput.GetProperty("messages").EnumerateArray().Select(m => m.GetString()).ToList();
    Console.WriteLine($"RemoteGraph(\"echo\").InvokeAsync twice on one thread as alice -> messages [{string.Join(", ", remoteMessages)}], identity={remoteOutput.GetProperty("auth_user_id").GetString()}");
    var remoteWorked = remoteMessages.Count == 4 && remoteOutput.GetProperty("auth_user_id").GetString() == "alice";

    var userReachedGraph = remoteWorked && authUser?.GetProperty("identity").GetString() == "alice" && bobOutput.GetProperty("auth_user_id").GetString() == "bob";

    var isolated = userReachedGraph && aliceSees.All(t => (string?)t.Metadata["owner"].GetString() == "alice")
        && bobSees.All(t => (string?)t.Metadata["owner"].GetString() == "bob")
        && aliceSees.Count == 2 && bobSees.Count == 1;
    Console.WriteLine();
    Console.WriteLine(isolated
        ? "Each user sees only their own threads, and each run saw the user who started it."
        : "Unexpected: the users' threads are not isolated, or a run did not see its user.");
    if (server is null || !isolated)
    {
        return isolated ? 0 : 1;
    }

    Console.WriteLine();
    var gatewayWorked = await GatewayDemo.RunAsync();
    Console.WriteLine(gatewayWorked
        ? "The C# handlers in the gateway gave the same isolation, and the graph saw the same user."
        : "Unexpected: the gateway did not isolate the users or did not pass the user to the graph.");
    return gatewayWorked ? 0 : 1;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}

static string Shorten(string json) => json.Length <= 110 ? json : json[..107] + "...";

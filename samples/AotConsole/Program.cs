// A native AOT console client: creates a thread, streams a run on the `echo` graph and calls RemoteGraph.
// Reads LANGGRAPH_API_URL (and LANGGRAPH_API_KEY, like every LangGraphClient). Prints one line per step and exits
// non-zero when a step fails. Publish: dotnet publish samples/AotConsole -c Release -r linux-x64 -o out
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using LangGraph.Sdk;

var clock = Stopwatch.StartNew();
var url = Environment.GetEnvironmentVariable("LANGGRAPH_API_URL");
if (string.IsNullOrWhiteSpace(url))
{
    Console.Error.WriteLine("Set LANGGRAPH_API_URL to the LangGraph server's URL.");
    return 2;
}

try
{
    using var client = new LangGraphClient(new LangGraphClientOptions { ApiUrl = new Uri(url) });

    var thread = await client.Threads.CreateAsync();
    Console.WriteLine($"thread: {thread.ThreadId}");

    var input = new Dictionary<string, object?> { ["messages"] = new List<object?> { "hi from AOT" } };
    var events = 0;
    long firstEventMs = -1;
    await foreach (var part in client.Runs.StreamAsync(thread.ThreadId, "echo", new RunCreateOptions { Input = input }))
    {
        if (events++ == 0)
        {
            firstEventMs = clock.ElapsedMilliseconds;
        }
    }

    Console.WriteLine($"stream: {events} events, first-event-ms={firstEventMs}");

    using var graph = new RemoteGraph("echo", client);
    JsonElement output = await graph.InvokeAsync(new Dictionary<string, object?> { ["messages"] = new List<object?> { "remote" } });
    var last = output.GetProperty("messages").EnumerateArray().Last().GetString();
    Console.WriteLine($"remote: {last}");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"failed: {ex.GetType().Name}: {ex.Message}");
    return 1;
}

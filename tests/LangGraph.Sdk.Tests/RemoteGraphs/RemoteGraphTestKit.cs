using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary>A remote graph over a <see cref="StubHttpHandler"/>: the graph, its client, and every request it sent.</summary>
internal sealed class ScriptedGraph : IDisposable
{
    public const string Url = "http://server";

    public ScriptedGraph(RemoteGraphOptions? options, params Func<HttpRequestMessage, HttpResponseMessage>[] steps)
    {
        Handler = new StubHttpHandler(steps);
        Client = TestClients.Create(Url, httpClient: new HttpClient(Handler));
        Graph = new RemoteGraph("agent", Client, options);
    }

    public ScriptedGraph(params Func<HttpRequestMessage, HttpResponseMessage>[] steps)
        : this(null, steps)
    {
    }

    public StubHttpHandler Handler { get; }

    public LangGraphClient Client { get; }

    public RemoteGraph Graph { get; }

    public IReadOnlyList<SeenRequest> Seen => Handler.Seen;

    /// <summary>The one request sent.</summary>
    public SeenRequest Single
    {
        get
        {
            Seen.Should().ContainSingle();
            return Seen[0];
        }
    }

    public void Dispose()
    {
        Graph.Dispose();
        Client.Dispose();
    }
}

internal static class RemoteGraphTestKit
{
    /// <summary>Literal SSE text: one <c>event:</c>/<c>data:</c> block per pair.</summary>
    public static string Sse(params (string Event, string Data)[] events)
    {
        var builder = new StringBuilder();
        foreach (var (name, data) in events)
        {
            builder.Append("event: ").Append(name).Append('\n').Append("data: ").Append(data).Append("\n\n");
        }

        return builder.ToString();
    }

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static async Task<List<T>> CollectAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>The JSON text of an element, compacted, for exact comparisons.</summary>
    public static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    public static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();
}

/// <summary>A typed graph state with snake_case members.</summary>
public sealed record EchoGraphState(IReadOnlyList<string> Messages, string? AuthUserId);

/// <summary>A source-generated context for the typed invoke (snake_case, as a user's own context would be).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(EchoGraphState))]
public sealed partial class RemoteGraphTestJsonContext : JsonSerializerContext;

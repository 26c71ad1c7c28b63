using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using Xunit;

namespace LangGraph.Sdk.Tests.Runs;

/// <summary>
/// One rule for a run's thread id, across every method of <see cref="RunsClient"/>: null is stateless, and an empty or
/// whitespace id is an <see cref="ArgumentException"/>, before anything is sent (the streaming methods throw it when called).
/// </summary>
public sealed class RunsThreadIdTests : IDisposable
{
    private const string RunJson =
        "{\"run_id\":\"r1\",\"thread_id\":\"t-server\",\"assistant_id\":\"a\",\"status\":\"pending\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\"metadata\":{}}";

    private readonly StubHttpHandler _handler = new(StubHttpHandler.Json(RunJson));
    private readonly HttpClient _http;
    private readonly LangGraphClient _client;

    public RunsThreadIdTests()
    {
        _http = new HttpClient(_handler);
        _client = TestClients.Create("http://localhost:2024", httpClient: _http);
    }

    public static TheoryData<string, string> EmptyIdsByMethod()
    {
        var data = new TheoryData<string, string>();
        foreach (var method in Calls.Keys)
        {
            data.Add(method, string.Empty);
            data.Add(method, "  ");
        }

        return data;
    }

    private static readonly Dictionary<string, Func<RunsClient, string, Func<Task>>> Calls = new()
    {
        ["StreamAsync"] = (runs, id) => () => Consume(runs.StreamAsync(id, "agent")),
        ["CreateAsync"] = (runs, id) => () => runs.CreateAsync(id, "agent"),
        ["WaitAsync"] = (runs, id) => () => runs.WaitAsync(id, "agent"),
        ["ListAsync"] = (runs, id) => () => runs.ListAsync(id),
        ["GetAsync"] = (runs, id) => () => runs.GetAsync(id, "r1"),
        ["CancelAsync"] = (runs, id) => () => runs.CancelAsync(id, "r1"),
        ["JoinAsync"] = (runs, id) => () => runs.JoinAsync(id, "r1"),
        ["JoinStreamAsync"] = (runs, id) => () => Consume(runs.JoinStreamAsync(id, "r1")),
        ["DeleteAsync"] = (runs, id) => () => runs.DeleteAsync(id, "r1"),
    };

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Theory]
    [MemberData(nameof(EmptyIdsByMethod))]
    public async Task An_empty_thread_id_is_refused_by_every_method_before_anything_is_sent(string method, string threadId)
    {
        var act = Calls[method](_client.Runs, threadId);

        (await act.Should().ThrowAsync<ArgumentException>(method)).WithParameterName("threadId");
        _handler.Calls.Should().Be(0, method);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void The_streaming_methods_refuse_an_empty_thread_id_when_called_not_when_enumerated(string threadId)
    {
        var stream = () => _client.Runs.StreamAsync(threadId, "agent");
        var join = () => _client.Runs.JoinStreamAsync(threadId, "r1");

        stream.Should().Throw<ArgumentException>().WithParameterName("threadId");
        join.Should().Throw<ArgumentException>().WithParameterName("threadId");
    }

    [Fact]
    public async Task A_null_thread_id_is_a_stateless_run()
    {
        RunCreateMetadata? created = null;
        await _client.Runs.CreateAsync(null, "agent", new RunCreateOptions { OnRunCreated = m => created = m });
        await _client.Runs.WaitAsync(null, "agent");

        _handler.Seen.Select(r => r.Line).Should().Equal("POST /runs", "POST /runs/wait");
        created.Should().Be(new RunCreateMetadata("r1", null), "a stateless run reports no thread");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public async Task A_batch_item_with_an_empty_thread_id_is_refused(string threadId)
    {
        var act = () => _client.Runs.CreateBatchAsync([new RunBatchItem("agent"), new RunBatchItem("agent") { ThreadId = threadId }]);

        (await act.Should().ThrowAsync<ArgumentException>()).WithParameterName("payloads").WithMessage("*index 1*empty thread id*");
        _handler.Calls.Should().Be(0);
    }

    private static async Task Consume(IAsyncEnumerable<StreamPart> parts)
    {
        await foreach (var _ in parts)
        {
        }
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using Xunit;

namespace LangGraph.Sdk.Tests.Streaming;

/// <summary>
/// Every method that returns an <see cref="IAsyncEnumerable{T}"/> checks its arguments when it is called, not at the
/// first MoveNextAsync, and sends nothing until it is enumerated.
/// </summary>
public sealed class StreamArgumentTests : IDisposable
{
    private readonly StubHttpHandler _handler = new(StubHttpHandler.ConnectionRefused());
    private readonly HttpClient _http;
    private readonly LangGraphClient _client;

    public StreamArgumentTests()
    {
        _http = new HttpClient(_handler);
        _client = TestClients.Create("http://localhost:2024", httpClient: _http);
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Fact]
    public void Runs_StreamAsync_checks_the_assistant_id_when_called()
    {
        var call = () => _client.Runs.StreamAsync("thread", " ");
        call.Should().Throw<ArgumentException>().WithParameterName("assistantId");
        _handler.Calls.Should().Be(0);
    }

    [Fact]
    public void Runs_JoinStreamAsync_checks_the_run_id_when_called()
    {
        var call = () => _client.Runs.JoinStreamAsync("thread", null!);
        call.Should().Throw<ArgumentException>();
        _handler.Calls.Should().Be(0);
    }

    [Fact]
    public void Threads_JoinStreamAsync_checks_the_thread_id_when_called()
    {
        var call = () => _client.Threads.JoinStreamAsync(string.Empty);
        call.Should().Throw<ArgumentException>();
        _handler.Calls.Should().Be(0);
    }

    [Fact]
    public void Raw_StreamAsync_checks_the_path_and_method_when_called()
    {
        var absolute = () => _client.Http.StreamAsync("http://elsewhere.example/x", HttpMethod.Get);
        absolute.Should().Throw<ArgumentException>().WithParameterName("path");
        var noMethod = () => _client.Http.StreamAsync("/x", null!);
        noMethod.Should().Throw<ArgumentNullException>().WithParameterName("method");
        _handler.Calls.Should().Be(0);
    }

    [Fact]
    public void RemoteGraph_StreamAsync_checks_the_modes_when_called()
    {
        using var graph = new RemoteGraph("agent", _client);
        var call = () => graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Events] });
        call.Should().Throw<ArgumentException>().WithParameterName("modes");
        _handler.Calls.Should().Be(0);
    }

    [Fact]
    public void RemoteGraph_GetStateHistoryAsync_checks_the_limit_when_called()
    {
        using var graph = new RemoteGraph("agent", _client);
        var call = () => graph.GetStateHistoryAsync(new RunConfig(), limit: 0);
        call.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limit");
        _handler.Calls.Should().Be(0);
    }

    [Fact]
    public void A_valid_call_sends_nothing_until_enumerated()
    {
        _ = _client.Runs.StreamAsync("thread", "agent");
        _ = _client.Threads.JoinStreamAsync("thread");
        _ = _client.Http.StreamAsync("/x", HttpMethod.Get);
        _handler.Calls.Should().Be(0);
    }
}

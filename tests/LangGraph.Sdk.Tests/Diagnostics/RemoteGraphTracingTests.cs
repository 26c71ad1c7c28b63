using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Diagnostics;

/// <summary>RemoteGraph's own spans: each call is one <c>remote_graph.*</c> span with the client's span nested in it, and ends even when the call fails before it is sent.</summary>
public class RemoteGraphTracingTests
{
    private const string Url = "http://server";
    private const string StateJson = """{"values":{"n":1},"next":[],"tasks":[],"checkpoint":{"thread_id":"t1","checkpoint_ns":"","checkpoint_id":"c1"},"metadata":{},"created_at":null,"parent_checkpoint":null,"interrupts":[]}""";

    private static RunConfig Thread(string id) => new() { Configurable = { ["thread_id"] = id } };

    [Fact]
    public async Task Get_state_history_is_one_remote_graph_span_with_the_threads_get_history_span_nested_in_it()
    {
        using var spans = new SpanCollector();
        using var client = TestClients.Create(Url, httpClient: new HttpClient(new StubHttpHandler(StubHttpHandler.Json("[" + StateJson + "]"))));
        using var graph = new RemoteGraph("agent", client);

        var states = await graph.GetStateHistoryAsync(Thread("t1")).ToListAsync();

        states.Should().ContainSingle();
        var history = spans.Single("remote_graph.get_state_history");
        history.GetTagItem("gen_ai.agent.id").Should().Be("agent");
        history.GetTagItem("gen_ai.conversation.id").Should().Be("t1");
        spans.Single("threads.get_history").ParentSpanId.Should().Be(history.SpanId);
    }

    [Fact]
    public async Task A_get_state_that_fails_before_it_is_sent_still_ends_its_span_with_the_error()
    {
        using var spans = new SpanCollector();
        var handler = new StubHttpHandler(StubHttpHandler.Json(StateJson));
        var client = TestClients.Create(Url, httpClient: new HttpClient(handler));
        using var graph = new RemoteGraph("agent", client);
        client.Dispose();

        var act = () => graph.GetStateAsync(Thread("t1"));

        await act.Should().ThrowAsync<ObjectDisposedException>();
        handler.Calls.Should().Be(0);
        var span = spans.Single("remote_graph.get_state");
        span.Status.Should().Be(System.Diagnostics.ActivityStatusCode.Error);
        span.GetTagItem("error.type").Should().Be(typeof(ObjectDisposedException).FullName);
    }
}

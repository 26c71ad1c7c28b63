using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using static LangGraph.Sdk.Tests.RemoteGraphs.RemoteGraphTestKit;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary><see cref="RemoteGraph.StreamAsync"/>: modes sent, chunks yielded, namespaces, and <see cref="RemoteGraphChunk"/>.</summary>
public class RemoteGraphStreamTests
{
    private const string Message = "[{\"type\":\"AIMessageChunk\",\"content\":\"Hel\",\"id\":\"m1\"},{\"langgraph_node\":\"agent\",\"langgraph_step\":1}]";

    private static readonly string MixedRun = Sse(
        ("metadata", "{\"run_id\":\"r1\"}"),
        ("values", "{\"n\":1}"),
        ("messages", Message),
        ("updates", "{\"agent\":{\"n\":2}}"),
        ("custom", "{\"progress\":1}"),
        ("values", "{\"n\":2}"),
        ("updates", "{\"__interrupt__\":[{\"value\":\"approve?\",\"id\":\"i1\"}]}"),
        ("values", "{\"__interrupt__\":[{\"value\":\"approve?\",\"id\":\"i1\"}]}"));

    private static string ModesSent(SeenRequest request)
    {
        using var body = JsonDocument.Parse(request.Body!);
        return body.RootElement.GetProperty("stream_mode").GetRawText();
    }

    [Fact]
    public async Task StreamAsync_by_default_requests_and_yields_updates_only()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(new { messages = new[] { "hi" } }));

        var request = graph.Single;
        request.PathAndQuery.Should().Be("/runs/stream");
        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false," +
            "\"input\":{\"messages\":[\"hi\"]},\"if_not_exists\":\"create\"}",
            request.Body);
        chunks.Select(c => c.Mode.Value).Should().Equal("updates", "updates");
        Compact(chunks[0].Data).Should().Be("{\"agent\":{\"n\":2}}");
        chunks.Should().AllSatisfy(c => c.Namespace.Should().BeEmpty());
        chunks[1].Interrupts.Should().ContainSingle().Which.Id.Should().Be("i1");
    }

    [Fact]
    public async Task StreamAsync_with_empty_modes_uses_updates()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [] }));

        ModesSent(graph.Single).Should().Be("[\"updates\"]");
    }

    [Fact]
    public async Task StreamAsync_sends_messages_as_messages_tuple_adds_updates_and_yields_only_what_was_asked_plus_interrupts()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values, StreamMode.Messages] }));

        ModesSent(graph.Single).Should().Be("[\"values\",\"messages-tuple\",\"updates\"]");
        chunks.Select(c => c.Mode.Value).Should().Equal("values", "messages", "values", "updates", "values");
        chunks[3].Interrupts.Should().ContainSingle().Which.Value.GetString().Should().Be("approve?");
        chunks[4].Interrupts.Should().ContainSingle().Which.Id.Should().Be("i1");
        chunks[1].TryGetMessage(out var message).Should().BeTrue();
        message.Content.Should().Be("Hel");
        message.Node.Should().Be("agent");
        chunks[0].TryGetMessage(out _).Should().BeFalse();
        chunks[0].Interrupts.Should().BeEmpty();
    }

    [Fact]
    public async Task StreamAsync_sends_each_mode_once()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions
        {
            StreamMode = [StreamMode.Updates, StreamMode.Messages, StreamMode.MessagesTuple, StreamMode.Custom, StreamMode.Updates],
        }));

        ModesSent(graph.Single).Should().Be("[\"updates\",\"messages-tuple\",\"custom\"]");
    }

    [Fact]
    public async Task StreamAsync_with_messages_tuple_yields_messages_chunks()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.MessagesTuple] }));

        chunks.Select(c => c.Mode.Value).Should().Equal("messages", "updates");
    }

    [Fact]
    public async Task StreamAsync_yields_custom_chunks_when_asked()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Custom] }));

        ModesSent(graph.Single).Should().Be("[\"custom\",\"updates\"]");
        chunks.Select(c => c.Mode.Value).Should().Equal("custom", "updates");
        Compact(chunks[0].Data).Should().Be("{\"progress\":1}");
    }

    [Fact]
    public async Task StreamAsync_with_subgraphs_sends_stream_subgraphs_and_splits_namespaces()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(
            ("metadata", "{\"run_id\":\"r1\"}"),
            ("updates|inner:abc", "{\"inner_step\":{\"n\":1}}"),
            ("updates|inner:abc|leaf:def", "{\"leaf_step\":{\"n\":2}}"),
            ("values|inner:abc", "{\"n\":1}"),
            ("updates", "{\"inner\":{\"n\":2}}"))));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(null, new RunConfig { Configurable = { ["thread_id"] = "t1" } }, new RemoteGraphStreamOptions { StreamSubgraphs = true }));

        var request = graph.Single;
        request.PathAndQuery.Should().Be("/threads/t1/runs/stream");
        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"updates\"],\"stream_subgraphs\":true,\"stream_resumable\":false,\"if_not_exists\":\"create\"}",
            request.Body);
        chunks.Should().HaveCount(3);
        chunks.Should().AllSatisfy(c => c.Mode.Should().Be(StreamMode.Updates));
        chunks[0].Namespace.Should().Equal("inner:abc");
        chunks[1].Namespace.Should().Equal("inner:abc", "leaf:def");
        Compact(chunks[1].Data).Should().Be("{\"leaf_step\":{\"n\":2}}");
        chunks[2].Namespace.Should().BeEmpty();
    }

    [Fact]
    public async Task StreamAsync_yields_subgraph_interrupts_even_when_updates_was_not_asked()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(
            ("updates|inner:abc", "{\"inner_step\":{}}"),
            ("updates|inner:abc", "{\"__interrupt__\":[{\"value\":\"q\",\"id\":\"i9\"}]}"))));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values], StreamSubgraphs = true }));

        chunks.Should().ContainSingle();
        chunks[0].Namespace.Should().Equal("inner:abc");
        chunks[0].Interrupts.Should().ContainSingle().Which.Id.Should().Be("i9");
    }

    [Fact]
    public async Task StreamAsync_does_not_yield_metadata_events()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(("metadata", "{\"run_id\":\"r1\"}"), ("values", "{\"a\":1}"), ("end", "null"))));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values] }));

        chunks.Should().ContainSingle().Which.Mode.Should().Be(StreamMode.Values);
    }

    [Fact]
    public async Task StreamAsync_keeps_the_event_ids()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse("event: values\ndata: {\"a\":1}\nid: 7\n\n"));

        var chunks = await CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values] }));

        chunks.Should().ContainSingle().Which.Id.Should().Be("7");
    }

    [Fact]
    public async Task StreamAsync_refuses_the_events_mode_before_any_request()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        var act = () => CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [StreamMode.Values, StreamMode.Events] }));

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("*events*");
        graph.Seen.Should().BeEmpty();
    }

    [Fact]
    public async Task StreamAsync_refuses_an_empty_mode()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        var act = () => CollectAsync(graph.Graph.StreamAsync(null, options: new RemoteGraphStreamOptions { StreamMode = [new StreamMode("")] }));

        await act.Should().ThrowAsync<ArgumentException>();
        graph.Seen.Should().BeEmpty();
    }

    [Fact]
    public async Task StreamAsync_raises_a_RemoteGraphException_after_the_chunks_before_the_error()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(Sse(
            ("metadata", "{\"run_id\":\"r-meta\"}"),
            ("updates", "{\"a\":{}}"),
            ("error", "{\"error\":\"ValueError\",\"message\":\"bad\"}"),
            ("updates", "{\"b\":{}}"))));
        var seen = new System.Collections.Generic.List<RemoteGraphChunk>();

        var act = async () =>
        {
            await foreach (var chunk in graph.Graph.StreamAsync(null))
            {
                seen.Add(chunk);
            }
        };

        var thrown = (await act.Should().ThrowAsync<RemoteGraphException>()).Which;
        thrown.ErrorName.Should().Be("ValueError");
        thrown.RunId.Should().Be("r-meta");
        seen.Should().ContainSingle();
    }

    [Fact]
    public async Task StreamAsync_sends_a_command()
    {
        using var graph = new ScriptedGraph(StubHttpHandler.Sse(MixedRun));

        await CollectAsync(graph.Graph.StreamAsync(new RunCommand { Resume = new { ok = true }, Goto = "next" }));

        using var body = JsonDocument.Parse(graph.Single.Body!);
        body.RootElement.TryGetProperty("input", out _).Should().BeFalse();
        body.RootElement.GetProperty("command").GetRawText().Should().Be("{\"goto\":\"next\",\"resume\":{\"ok\":true}}");
    }

    [Fact]
    public void A_chunk_reads_interrupts_of_values_and_updates()
    {
        var updates = new RemoteGraphChunk(StreamMode.Updates, [], Json("{\"__interrupt__\":[{\"value\":{\"q\":1},\"id\":\"i1\",\"when\":\"during\"},{\"value\":2,\"id\":\"i2\"}]}"));
        var values = new RemoteGraphChunk(StreamMode.Values, ["inner:1"], Json("{\"a\":1,\"__interrupt__\":[{\"value\":3,\"id\":\"i3\"}]}"));

        updates.Interrupts.Select(i => i.Id).Should().Equal("i1", "i2");
        updates.Interrupts[0].Value.GetProperty("q").GetInt32().Should().Be(1);
        updates.Interrupts[0].AdditionalProperties!["when"].GetString().Should().Be("during");
        values.Interrupts.Should().ContainSingle().Which.Value.GetInt32().Should().Be(3);
        new RemoteGraphChunk(StreamMode.Updates, [], Json("{\"a\":{}}")).Interrupts.Should().BeEmpty();
        new RemoteGraphChunk(StreamMode.Values, [], Json("[1,2]")).Interrupts.Should().BeEmpty();
        new RemoteGraphChunk(StreamMode.Updates, [], Json("{\"__interrupt__\":null}")).Interrupts.Should().BeEmpty();
    }

    [Fact]
    public void A_chunk_reads_a_message_pair_only_in_the_messages_mode()
    {
        var chunk = new RemoteGraphChunk(StreamMode.Messages, [], Json(Message), "5");

        chunk.TryGetMessage(out var message).Should().BeTrue();
        message.Message.GetProperty("id").GetString().Should().Be("m1");
        message.Metadata.GetProperty("langgraph_step").GetInt32().Should().Be(1);
        chunk.Id.Should().Be("5");
        new RemoteGraphChunk(StreamMode.Values, [], Json(Message)).TryGetMessage(out _).Should().BeFalse();
        new RemoteGraphChunk(StreamMode.Messages, [], Json("[1]")).TryGetMessage(out _).Should().BeFalse();
    }

    [Fact]
    public void A_chunk_without_namespace_has_an_empty_one()
    {
        new RemoteGraphChunk(StreamMode.Values, null!, Json("{}")).Namespace.Should().NotBeNull().And.BeEmpty();
    }
}

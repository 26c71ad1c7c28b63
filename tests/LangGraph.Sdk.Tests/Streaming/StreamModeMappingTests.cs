using System.Text.Json;
using FluentAssertions;

namespace LangGraph.Sdk.Tests.Streaming;

/// <summary>The one mapping of stream modes to the wire and back, and the one parser of event names, shared by the core and RemoteGraph.</summary>
public class StreamModeMappingTests
{
    [Theory]
    [InlineData("messages", "messages-tuple")]
    [InlineData("messages-tuple", "messages-tuple")]
    [InlineData("values", "values")]
    [InlineData("custom", "custom")]
    public void Messages_is_asked_for_as_tuples_and_every_other_mode_as_itself(string requested, string sent) =>
        new StreamMode(requested).AsTuples.Should().Be(new StreamMode(sent));

    [Theory]
    [InlineData("messages-tuple", "messages")]
    [InlineData("messages", "messages")]
    [InlineData("updates", "updates")]
    public void A_mode_streams_events_of_its_event_mode(string requested, string eventMode) =>
        new StreamMode(requested).EventMode.Should().Be(eventMode);

    [Theory]
    [InlineData("updates", "updates", new string[0])]
    [InlineData("updates|agent:1", "updates", new[] { "agent:1" })]
    [InlineData("messages|outer:1|inner:2", "messages", new[] { "outer:1", "inner:2" })]
    [InlineData(null, "", new string[0])]
    public void Event_names_are_parsed_once_for_parts_and_chunks(string? name, string mode, string[] ns)
    {
        StreamPart.ModeOf(name).Should().Be(mode);
        StreamPart.NamespaceOf(name).Should().Equal(ns);
        new StreamPart(name!, default, null).Mode.Should().Be(mode);
        new StreamPart(name!, default, null).Namespace.Should().Equal(ns);
    }

    [Fact]
    public void A_chunk_and_a_part_read_the_same_message()
    {
        var data = JsonDocument.Parse("""[{"content":"Hi"},{"langgraph_node":"agent"}]""").RootElement;

        new StreamPart("messages|sub:1", data, null).TryGetMessage(out var fromPart).Should().BeTrue();
        new RemoteGraphChunk(StreamMode.Messages, ["sub:1"], data).TryGetMessage(out var fromChunk).Should().BeTrue();
        new RemoteGraphChunk(StreamMode.Values, [], data).TryGetMessage(out _).Should().BeFalse();
        new StreamPart("messages", JsonDocument.Parse("[1]").RootElement, null).TryGetMessage(out _).Should().BeFalse();

        fromChunk.Content.Should().Be("Hi").And.Be(fromPart.Content);
        fromChunk.Node.Should().Be("agent").And.Be(fromPart.Node);
    }
}

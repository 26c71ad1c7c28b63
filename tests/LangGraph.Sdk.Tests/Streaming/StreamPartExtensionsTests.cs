using System.Text.Json;
using FluentAssertions;

namespace LangGraph.Sdk.Tests.Streaming;

public class StreamPartExtensionsTests
{
    private static StreamPart Part(string name, string json) => new(name, JsonDocument.Parse(json).RootElement.Clone(), null);

    [Theory]
    [InlineData("values", "values", new string[0])]
    [InlineData("updates|agent:1f2e", "updates", new[] { "agent:1f2e" })]
    [InlineData("messages|a:1|b:2", "messages", new[] { "a:1", "b:2" })]
    [InlineData("", "", new string[0])]
    public void Mode_and_namespace_split_subgraph_event_names(string name, string mode, string[] ns)
    {
        var part = Part(name, "{}");

        part.Mode.Should().Be(mode);
        part.Namespace.Should().Equal(ns);
    }

    [Fact]
    public void Values_are_read_from_values_parts_only()
    {
        Part("values", "{\"messages\":[\"hi\"]}").TryGetValues(out var values).Should().BeTrue();
        values.GetProperty("messages")[0].GetString().Should().Be("hi");
        Part("values|sub:1", "{\"a\":1}").TryGetValues(out _).Should().BeTrue();
        Part("updates", "{}").TryGetValues(out _).Should().BeFalse();
    }

    private sealed record EchoState(string[] Messages, string? AuthUserId);

    [Fact]
    public void Data_deserializes_into_a_user_type_with_snake_case_by_default()
    {
        var state = Part("values", "{\"messages\":[\"hi\"],\"auth_user_id\":\"alice\"}").GetData<EchoState>();

        state!.Messages.Should().Equal("hi");
        state.AuthUserId.Should().Be("alice");
    }

    [Fact]
    public void Data_deserializes_with_source_generated_metadata()
    {
        var list = Part("values", "[\"a\",\"b\"]").GetData(Sdk.Serialization.LangGraphJsonContext.Default.ListString);

        list.Should().Equal("a", "b");
    }

    [Fact]
    public void Messages_tuple_parts_read_as_message_and_metadata()
    {
        var part = Part("messages", "[{\"type\":\"AIMessageChunk\",\"content\":\"Hel\",\"id\":\"m1\"},{\"langgraph_node\":\"agent\",\"langgraph_step\":1}]");

        part.TryGetMessage(out var message).Should().BeTrue();
        message.Content.Should().Be("Hel");
        message.Node.Should().Be("agent");
        message.Message.GetProperty("id").GetString().Should().Be("m1");
        Part("messages/partial", "[{},{}]").TryGetMessage(out _).Should().BeFalse();
        Part("messages", "[{}]").TryGetMessage(out _).Should().BeFalse();
    }

    [Fact]
    public void Updates_are_listed_by_node_without_the_interrupt_entry()
    {
        var part = Part("updates", "{\"step1\":{\"messages\":[\"step 1\"]},\"step2\":null,\"__interrupt__\":[]}");

        var updates = part.GetUpdates();

        updates.Should().HaveCount(2);
        updates[0].Key.Should().Be("step1");
        updates[0].Value.GetProperty("messages")[0].GetString().Should().Be("step 1");
        updates[1].Key.Should().Be("step2");
        Part("values", "{\"a\":1}").GetUpdates().Should().BeEmpty();
    }

    [Fact]
    public void Interrupts_are_read_from_updates_and_values()
    {
        const string data = "{\"__interrupt__\":[{\"id\":\"i1\",\"value\":{\"question\":\"approve?\"}}]}";

        var fromUpdates = Part("updates", data).GetInterrupts();
        var fromValues = Part("values", data).GetInterrupts();

        fromUpdates.Should().ContainSingle().Which.Id.Should().Be("i1");
        fromUpdates[0].Value.GetProperty("question").GetString().Should().Be("approve?");
        fromValues.Should().ContainSingle();
        Part("updates", "{\"ask\":{}}").GetInterrupts().Should().BeEmpty();
        Part("values", "[1]").GetInterrupts().Should().BeEmpty();
    }

    [Fact]
    public void Error_parts_read_as_run_exceptions()
    {
        Part("error", "{\"error\":\"CustomError\",\"message\":\"Boo!\"}").TryGetError(out var error).Should().BeTrue();
        error!.ErrorName.Should().Be("CustomError");
        error.ErrorMessage.Should().Be("Boo!");
        Part("values", "{}").TryGetError(out _).Should().BeFalse();
    }
}

using System.Linq;
using System.Text.Json;
using FluentAssertions;
using static LangGraph.Sdk.Tests.RemoteGraphs.RemoteGraphTestKit;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary><see cref="GraphOutput.FromValues"/>: values split from their <c>__interrupt__</c> entry.</summary>
public class GraphOutputTests
{
    [Fact]
    public void FromValues_splits_the_interrupts_off_the_values()
    {
        var output = GraphOutput.FromValues(Json("{\"a\":1,\"__interrupt__\":[{\"value\":\"q\",\"id\":\"i1\"},{\"value\":{\"k\":2},\"id\":\"i2\"}],\"b\":[2]}"));

        Compact(output.Value).Should().Be("{\"a\":1,\"b\":[2]}");
        output.Interrupts.Select(i => i.Id).Should().Equal("i1", "i2");
        output.Interrupts[0].Value.GetString().Should().Be("q");
        output.Interrupts[1].Value.GetProperty("k").GetInt32().Should().Be(2);
        output.IsInterrupted.Should().BeTrue();
    }

    [Fact]
    public void FromValues_without_interrupts_keeps_the_values()
    {
        var output = GraphOutput.FromValues(Json("{\"a\":1}"));

        Compact(output.Value).Should().Be("{\"a\":1}");
        output.Interrupts.Should().BeEmpty();
        output.IsInterrupted.Should().BeFalse();
    }

    [Fact]
    public void FromValues_of_only_interrupts_gives_an_empty_object()
    {
        var output = GraphOutput.FromValues(Json("{\"__interrupt__\":[{\"value\":1,\"id\":\"i1\"}]}"));

        Compact(output.Value).Should().Be("{}");
        output.Interrupts.Should().ContainSingle();
    }

    [Fact]
    public void FromValues_of_an_empty_interrupt_list_is_not_interrupted()
    {
        var output = GraphOutput.FromValues(Json("{\"a\":1,\"__interrupt__\":[]}"));

        Compact(output.Value).Should().Be("{\"a\":1}");
        output.IsInterrupted.Should().BeFalse();
    }

    [Fact]
    public void FromValues_drops_an_interrupt_entry_that_is_not_a_list()
    {
        var output = GraphOutput.FromValues(Json("{\"a\":1,\"__interrupt__\":null}"));

        Compact(output.Value).Should().Be("{\"a\":1}");
        output.Interrupts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("\"text\"")]
    public void FromValues_keeps_values_that_are_not_objects(string json)
    {
        var output = GraphOutput.FromValues(Json(json));

        Compact(output.Value).Should().Be(json);
        output.Interrupts.Should().BeEmpty();
    }

    [Fact]
    public void FromValues_of_an_undefined_element_keeps_it()
    {
        var output = GraphOutput.FromValues(default);

        output.Value.ValueKind.Should().Be(JsonValueKind.Undefined);
        output.Interrupts.Should().BeEmpty();
    }

    [Fact]
    public void Interrupts_are_never_null()
    {
        new GraphOutput { Interrupts = null! }.Interrupts.Should().NotBeNull().And.BeEmpty();
    }
}

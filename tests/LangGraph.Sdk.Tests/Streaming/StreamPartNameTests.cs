using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.Tests.Streaming;

/// <summary>Issue 14: a subgraph event's name is split once for a run of events with that name, and read alike on every thread.</summary>
public class StreamPartNameTests
{
    private static StreamPart Part(string name) => new(name, default(JsonElement), null);

    [Fact]
    public void Mode_and_namespace_of_root_and_subgraph_events()
    {
        Part("values").Mode.Should().Be("values");
        Part("values").Namespace.Should().BeEmpty();
        Part("updates|agent:1|tools:2").Mode.Should().Be("updates");
        Part("updates|agent:1|tools:2").Namespace.Should().Equal("agent:1", "tools:2");
        Part(null!).Mode.Should().BeEmpty();
        Part("messages|").Namespace.Should().Equal(string.Empty);
    }

    [Fact]
    public void Events_of_one_subgraph_share_their_split_name_and_a_new_name_is_split_again()
    {
        var first = Part(new string("values|agent:1".ToCharArray()));
        var second = Part(new string("values|agent:1".ToCharArray()));

        first.Namespace.Should().BeSameAs(second.Namespace, "events with the same name share one namespace");
        first.Mode.Should().BeSameAs(second.Mode);
        Part("updates|agent:2").Namespace.Should().Equal("agent:2");
        first.Namespace.Should().Equal(["agent:1"], "an earlier part still reads its own name");
        Part("values|agent:1").Mode.Should().Be("values");
    }

    [Fact]
    public void A_subgraph_streaming_several_modes_in_turn_keeps_each_name_split()
    {
        var values = Part("values|agent:7").Namespace;
        var messages = Part("messages|agent:7").Namespace;
        var updates = Part("updates|agent:7").Namespace;

        Part(new string("values|agent:7".ToCharArray())).Namespace.Should().BeSameAs(values);
        Part(new string("messages|agent:7".ToCharArray())).Namespace.Should().BeSameAs(messages);
        Part(new string("updates|agent:7".ToCharArray())).Namespace.Should().BeSameAs(updates);
        Part("messages|agent:7").Mode.Should().Be("messages");
    }

    [Fact]
    public void The_namespace_cannot_be_changed_through_a_shared_list()
    {
        var ns = Part("values|agent:1").Namespace;

        ns.Should().NotBeAssignableTo<string[]>();
        FluentActions.Invoking(() => ((System.Collections.Generic.IList<string>)ns)[0] = "x").Should().Throw<System.NotSupportedException>();
    }

    [Fact]
    public async Task Threads_reading_different_names_at_once_each_get_their_own()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            var ok = true;
            for (var n = 0; n < 2000; n++)
            {
                var part = Part($"custom|node:{i}|inner:{n % 3}");
                ok &= part.Mode == "custom" && part.Namespace.SequenceEqual([$"node:{i}", $"inner:{n % 3}"]);
            }

            return ok;
        })));

        results.Should().AllSatisfy(ok => ok.Should().BeTrue());
    }
}

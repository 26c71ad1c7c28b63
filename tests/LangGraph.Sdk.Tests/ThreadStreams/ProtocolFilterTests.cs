using FluentAssertions;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk.Tests.ThreadStreams;

public class ProtocolFilterTests
{
    [Fact]
    public void A_channel_filter_lets_its_channels_through_and_named_custom_events_through_custom()
    {
        var filter = new ProtocolFilter(["values", "custom"]);

        filter.Matches(ProtocolEvents.Parse(ProtocolEvents.Values(1, "{}"))).Should().BeTrue();
        filter.Matches(ProtocolEvents.Parse(ProtocolEvents.Lifecycle(2, "running"))).Should().BeFalse();
        filter.Matches(ProtocolEvents.Parse(ProtocolEvents.Envelope(3, "custom", """{"name":"progress"}"""))).Should().BeTrue();
        new ProtocolFilter(["custom:other"]).Matches(ProtocolEvents.Parse(ProtocolEvents.Envelope(3, "custom", """{"name":"progress"}"""))).Should().BeFalse();
        new ProtocolFilter(["input"]).Matches(ProtocolEvents.Parse(ProtocolEvents.Envelope(4, "input.requested", """{"interrupt_id":"i"}"""))).Should().BeTrue();
    }

    [Theory]
    [InlineData(new[] { "research" }, true)]
    [InlineData(new[] { "research:9b35" }, true)]
    [InlineData(new[] { "research:other" }, false)]
    [InlineData(new[] { "writer" }, false)]
    [InlineData(new[] { "research", "agent" }, true)]
    public void A_namespace_prefix_without_a_colon_matches_the_segment_name(string[] prefix, bool matches)
    {
        string[] ns = ["research:9b35", "agent:77aa"];

        ProtocolFilter.IsPrefixMatch(ns, prefix).Should().Be(matches);
    }

    [Fact]
    public void Depth_counts_levels_below_each_prefix_and_is_ignored_without_namespaces()
    {
        var options = new ThreadSubscribeOptions { Depth = 0 };
        options.Channels.Add("values");
        options.Namespaces.Add(["research"]);
        var depth0 = ProtocolFilter.From(options);
        var noNamespaces = new ProtocolFilter(["values"], null, depth: 0);

        depth0.Matches(ProtocolEvents.Parse(ProtocolEvents.Values(1, "{}", ["research:1"]))).Should().BeTrue();
        depth0.Matches(ProtocolEvents.Parse(ProtocolEvents.Values(2, "{}", ["research:1", "inner:2"]))).Should().BeFalse();
        depth0.Matches(ProtocolEvents.Parse(ProtocolEvents.Values(3, "{}"))).Should().BeFalse();
        noNamespaces.Matches(ProtocolEvents.Parse(ProtocolEvents.Values(4, "{}", ["research:1", "inner:2"]))).Should().BeTrue();
    }

    [Fact]
    public void A_filter_is_covered_by_a_wider_channel_set()
    {
        new ProtocolFilter(["values", "custom:x"]).IsCoveredBy(["values", "custom"]).Should().BeTrue();
        new ProtocolFilter(["values", "tools"]).IsCoveredBy(["values", "lifecycle"]).Should().BeFalse();
    }
}

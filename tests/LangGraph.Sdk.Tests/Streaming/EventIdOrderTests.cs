using FluentAssertions;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Tests.Streaming;

public class EventIdOrderTests
{
    [Theory]
    [InlineData("1", "2", true)]
    [InlineData("2", "2", true)]
    [InlineData("3", "2", false)]
    [InlineData("10", "9", false)]
    [InlineData("1700000000000-0", "1700000000000-1", true)]
    [InlineData("1700000000000-2", "1700000000000-1", false)]
    [InlineData("1700000000001-0", "1700000000000-9", false)]
    [InlineData("1700000000000-1", "1700000000000-1", true)]
    public void Numeric_and_redis_ids_are_ordered(string id, string last, bool atOrBefore) =>
        EventIdOrder.IsAtOrBefore(id, last).Should().Be(atOrBefore);

    [Theory]
    [InlineData("abc", "abd")]
    [InlineData("5", "1700000000000-1")]
    [InlineData("-1", "3")]
    [InlineData("3", "-1")]
    [InlineData("", "1")]
    [InlineData("1.5", "1")]
    public void Ids_of_other_shapes_are_never_treated_as_replays(string id, string last) =>
        EventIdOrder.IsAtOrBefore(id, last).Should().BeFalse();
}

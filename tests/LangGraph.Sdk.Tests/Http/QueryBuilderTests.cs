using System;
using System.Collections.Generic;
using System.Globalization;
using FluentAssertions;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.Tests.Http;

public class QueryBuilderTests
{
    [Fact]
    public void An_empty_builder_gives_an_empty_string()
    {
        new QueryBuilder().ToString().Should().BeEmpty();
    }

    [Fact]
    public void Booleans_are_lowercase_true_and_false()
    {
        new QueryBuilder().Add("a", true).Add("b", false).ToString().Should().Be("?a=true&b=false");
    }

    [Fact]
    public void Null_is_an_empty_value()
    {
        new QueryBuilder().Add("k", null).ToString().Should().Be("?k=");
    }

    [Fact]
    public void A_list_repeats_the_key()
    {
        new QueryBuilder().Add("stream_mode", new List<string> { "values", "updates" }).Add("x", 1).ToString()
            .Should().Be("?stream_mode=values&stream_mode=updates&x=1");
    }

    [Fact]
    public void An_empty_list_adds_nothing()
    {
        new QueryBuilder().Add("a", Array.Empty<string>()).Add("b", "1").ToString().Should().Be("?b=1");
    }

    [Fact]
    public void A_string_is_one_value_not_a_sequence_of_chars()
    {
        new QueryBuilder().Add("s", "abc").ToString().Should().Be("?s=abc");
    }

    [Fact]
    public void Keys_and_values_are_escaped()
    {
        new QueryBuilder().Add("a b", "c&d=e/f?g#h+i%").ToString().Should().Be("?a%20b=c%26d%3De%2Ff%3Fg%23h%2Bi%25");
    }

    [Fact]
    public void A_later_value_for_a_key_replaces_the_earlier_one_in_place()
    {
        new QueryBuilder().Add("a", 1).Add("b", 2).Add("a", 3).ToString().Should().Be("?a=3&b=2");
    }

    [Fact]
    public void Keys_are_case_sensitive()
    {
        new QueryBuilder().Add("a", 1).Add("A", 2).ToString().Should().Be("?a=1&A=2");
    }

    [Fact]
    public void AddAll_overrides_and_appends()
    {
        var builder = new QueryBuilder().Add("limit", 10).Add("offset", 0);
        builder.AddAll(new Dictionary<string, object?> { ["offset"] = 5, ["extra"] = "y" });

        builder.ToString().Should().Be("?limit=10&offset=5&extra=y");
        new QueryBuilder().AddAll(null).Count.Should().Be(0);
    }

    [Fact]
    public void CopyTo_copies_every_pair()
    {
        var source = new QueryBuilder().Add("a", 1).Add("b", new[] { "x", "y" });
        var target = new QueryBuilder().Add("b", "old").Add("c", 3);

        source.CopyTo(target);

        target.ToString().Should().Be("?b=x&b=y&c=3&a=1");
    }

    [Fact]
    public void Values_are_formatted_with_the_invariant_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            QueryBuilder.FormatValue(1.5).Should().Be("1.5");
            QueryBuilder.FormatValue(1234567L).Should().Be("1234567");
            QueryBuilder.FormatValue(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)).Should().Be("2025-01-02T03:04:05.0000000+00:00");
            QueryBuilder.FormatValue(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc)).Should().Be("2025-01-02T03:04:05.0000000Z");
            QueryBuilder.FormatValue(Guid.Empty).Should().Be("00000000-0000-0000-0000-000000000000");
            QueryBuilder.FormatValue(ThreadStatus.Busy).Should().Be("busy");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Each_item_of_a_mixed_list_is_formatted()
    {
        new QueryBuilder().Add("v", new object?[] { true, null, 2 }).ToString().Should().Be("?v=true&v=&v=2");
    }
}

using System;
using FluentAssertions;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.Tests.Http;

public class UrlPathTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a b", "a%20b")]
    [InlineData("a?b#c", "a%3Fb%23c")]
    [InlineData("%", "%25")]
    [InlineData("a.b", "a.b")]
    [InlineData("...", "...")]
    [InlineData("~-_", "~-_")]
    [InlineData("ü", "%C3%BC")]
    public void Segment_escapes_everything_but_unreserved_characters(string value, string expected)
    {
        UrlPath.Segment(value, "id").Should().Be(expected);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Segment_refuses_dot_segments(string value)
    {
        var act = () => UrlPath.Segment(value, "threadId");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("threadId");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\n")]
    public void Segment_refuses_empty_and_whitespace(string value)
    {
        var act = () => UrlPath.Segment(value, "threadId");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("threadId");
    }

    [Fact]
    public void Segment_refuses_null()
    {
        var act = () => UrlPath.Segment(null!, "threadId");

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("threadId");
    }
}

using System.Text.Json.Nodes;
using FluentAssertions;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>Compares JSON documents structurally (property order ignored, every property and value compared).</summary>
public static class JsonAssert
{
    public static void Equal(string expected, string? actual)
    {
        actual.Should().NotBeNull("a JSON body was expected");
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual!);
        JsonNode.DeepEquals(expectedNode, actualNode).Should().BeTrue(
            "expected JSON {0} but got {1}", expectedNode?.ToJsonString(), actualNode?.ToJsonString());
    }
}

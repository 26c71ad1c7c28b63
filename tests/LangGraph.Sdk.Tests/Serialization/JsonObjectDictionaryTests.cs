using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Tests.Serialization;

/// <summary>Issue 14: free-form metadata is a dictionary view of its JSON object, with the behaviour of a dictionary.</summary>
public class JsonObjectDictionaryTests
{
    private static JsonObjectDictionary Of(string json) => new(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void It_reads_as_a_dictionary()
    {
        var metadata = Of("""{"owner":"alice","n":3,"tags":["a"]}""");

        metadata.Count.Should().Be(3);
        metadata.Keys.Should().Equal("owner", "n", "tags");
        metadata.Values.Select(v => v.ValueKind).Should().Equal(JsonValueKind.String, JsonValueKind.Number, JsonValueKind.Array);
        metadata["owner"].GetString().Should().Be("alice");
        metadata.ContainsKey("n").Should().BeTrue();
        metadata.ContainsKey("N").Should().BeFalse("keys are case-sensitive, as in the dictionary it replaces");
        metadata.TryGetValue("missing", out _).Should().BeFalse();
        metadata.Select(pair => pair.Key).Should().Equal("owner", "n", "tags");
        FluentActions.Invoking(() => metadata["missing"]).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void A_repeated_name_counts_once_with_its_last_value()
    {
        var metadata = Of("""{"a":1,"b":2,"a":3}""");

        metadata.Count.Should().Be(2);
        metadata["a"].GetInt32().Should().Be(3);
        metadata.Select(pair => (pair.Key, pair.Value.GetInt32())).Should().Equal(("a", 3), ("b", 2));
    }

    [Fact]
    public void It_is_empty_for_an_empty_object_and_refuses_other_kinds()
    {
        Of("{}").Should().BeEmpty();
        FluentActions.Invoking(() => Of("[]")).Should().Throw<JsonException>();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LangGraph.Sdk.Auth.Tests.Results;

/// <summary>
/// The JS server's <c>isAuthMatching</c> table (langgraph-api <c>auth.test.mts</c>), ported, plus the edge cases of its
/// code: each row is (metadata, filter, expected), with null for undefined.
/// </summary>
public sealed class IsAuthMatchingTests
{
    public static TheoryData<string?, string?, bool> Table => new()
    {
        // undefined filters -> true
        { """{"owner":"u1"}""", null, true },
        { null, null, true },
        // empty filters -> true
        { """{"owner":"u1"}""", "{}", true },
        { null, "{}", true },
        // exact match
        { """{"owner":"u1"}""", """{"owner":"u1"}""", true },
        { """{"owner":"u1"}""", """{"owner":"u2"}""", false },
        // $eq
        { """{"owner":"u1"}""", """{"owner":{"$eq":"u1"}}""", true },
        { """{"owner":"u1"}""", """{"owner":{"$eq":"u2"}}""", false },
        // $contains with a string
        { """{"tags":["a","b"]}""", """{"tags":{"$contains":"a"}}""", true },
        { """{"tags":["a","b"]}""", """{"tags":{"$contains":"c"}}""", false },
        // $contains with an array: every item (Postgres list containment)
        { """{"tags":["a","b","c"]}""", """{"tags":{"$contains":["a","c"]}}""", true },
        { """{"tags":["a","b"]}""", """{"tags":{"$contains":["a","d"]}}""", false },
        // $contains on non-array metadata -> false
        { """{"tags":"a"}""", """{"tags":{"$contains":"a"}}""", false },
        { """{"tags":{"a":1}}""", """{"tags":{"$contains":["a"]}}""", false },
        // missing key -> false
        { """{"other":"u1"}""", """{"owner":"u1"}""", false },
        { """{"other":"u1"}""", """{"owner":{"$eq":"u1"}}""", false },
        { """{"other":"u1"}""", """{"tags":{"$contains":"a"}}""", false },
        { null, """{"owner":"u1"}""", false },
        // multiple conditions are ANDed
        { """{"owner":"u1","org":"acme","tags":["x"]}""", """{"owner":"u1","org":{"$eq":"acme"},"tags":{"$contains":"x"}}""", true },
        { """{"owner":"u1","org":"other","tags":["x"]}""", """{"owner":"u1","org":{"$eq":"acme"},"tags":{"$contains":"x"}}""", false },
        // strict equality: types must match
        { """{"owner":1}""", """{"owner":"1"}""", false },
        { """{"owner":null}""", """{"owner":"null"}""", false },
        { """{"tags":[1,2]}""", """{"tags":{"$contains":"1"}}""", false },
        // the JS code's truthiness: an empty $eq / $contains operand, or an empty condition object, checks nothing
        { """{"owner":"u1"}""", """{"owner":{"$eq":""}}""", true },
        { """{"owner":"u1"}""", """{"owner":{"$contains":""}}""", true },
        { """{"other":1}""", """{"owner":{}}""", true },
        // ... but an empty $contains list is truthy: it still needs an array
        { """{"tags":[]}""", """{"tags":{"$contains":[]}}""", true },
        { """{"tags":"a"}""", """{"tags":{"$contains":[]}}""", false },
        // a non-empty $eq wins over $contains; an empty one falls through to $contains
        { """{"tags":"a"}""", """{"tags":{"$eq":"a","$contains":"zzz"}}""", true },
        { """{"tags":["a"]}""", """{"tags":{"$eq":"","$contains":"a"}}""", true },
        { """{"tags":["a"]}""", """{"tags":{"$eq":"","$contains":"b"}}""", false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Matches_metadata_as_a_JsonObject(string? metadata, string? filter, bool expected)
    {
        var filters = filter is null ? null : AuthFilter.Parse(filter);
        var node = metadata is null ? null : JsonNode.Parse(metadata)!.AsObject();

        AuthFilter.IsAuthMatching(node, filters).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Matches_metadata_as_a_JsonElement(string? metadata, string? filter, bool expected)
    {
        var filters = filter is null ? null : AuthFilter.Parse(filter);
        var element = metadata is null ? default : JsonDocument.Parse(metadata).RootElement;

        AuthFilter.IsAuthMatching(element, filters).Should().Be(expected);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void A_filter_written_back_to_json_matches_the_same_way(string? metadata, string? filter, bool expected)
    {
        if (filter is null)
        {
            return;
        }

        var roundTripped = AuthFilter.Parse(AuthFilter.Parse(filter).ToJsonString());
        var node = metadata is null ? null : JsonNode.Parse(metadata)!.AsObject();

        roundTripped.Matches(node).Should().Be(expected);
        AuthFilter.Parse(roundTripped.ToJsonObject().ToJsonString()).Matches(node).Should().Be(expected);
    }

    [Fact]
    public void Filters_built_in_code_match_like_parsed_ones()
    {
        var filter = new AuthFilter
        {
            ["owner"] = "alice",
            ["org"] = FilterCondition.Eq("acme"),
            ["tags"] = FilterCondition.Contains("x"),
            ["roles"] = FilterCondition.Contains(["admin", "dev"]),
        };
        var metadata = new JsonObject
        {
            ["owner"] = "alice",
            ["org"] = "acme",
            ["tags"] = new JsonArray("x", "y"),
            ["roles"] = new JsonArray("dev", "admin", "ops"),
        };

        filter.Matches(metadata).Should().BeTrue();
        filter.ToJsonString().Should().Be("""{"owner":"alice","org":{"$eq":"acme"},"tags":{"$contains":"x"},"roles":{"$contains":["admin","dev"]}}""");

        metadata["roles"] = new JsonArray("dev");
        filter.Matches(metadata).Should().BeFalse();
    }

    [Fact]
    public void A_store_item_is_matched_on_its_value_plus_namespace_and_key()
    {
        // For store items the server matches {...item.value, namespace, key}.
        var item = new JsonObject { ["text"] = "hi", ["namespace"] = new JsonArray("alice", "notes"), ["key"] = "k1" };

        new AuthFilter { ["namespace"] = FilterCondition.Contains("alice") }.Matches(item).Should().BeTrue();
        new AuthFilter { ["namespace"] = FilterCondition.Contains("bob") }.Matches(item).Should().BeFalse();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LangGraph.Sdk.Auth.Tests.Types;

public sealed class MinimalUserDictTests
{
    [Fact]
    public void Identity_is_required_and_the_other_fields_default_as_in_Python()
    {
        var user = new MinimalUserDict("alice");

        user.Identity.Should().Be("alice");
        user.DisplayName.Should().Be("alice", "display_name defaults to the identity");
        user.IsAuthenticated.Should().BeTrue();
        user.Permissions.Should().BeEmpty();
        ((IAuthUser)user).Permissions.Should().BeEmpty();
        FluentActions.Invoking(() => new MinimalUserDict(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => user.Identity = null!).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Display_name_follows_the_identity_until_set_and_goes_back_when_set_to_null()
    {
        var user = new MinimalUserDict("alice");
        user.Identity = "alice-2";
        user.DisplayName.Should().Be("alice-2");

        user.DisplayName = "Alice";
        user.DisplayName.Should().Be("Alice");

        user.DisplayName = null;
        user.DisplayName.Should().Be("alice-2");
    }

    [Fact]
    public void Serializes_to_exactly_the_langgraph_auth_user_shape()
    {
        var user = new MinimalUserDict(identity: "key-123")
        {
            Permissions = ["threads:read", "threads:write"],
            ["github_token"] = "gh-abc",
            ["jira_token"] = "jira-xyz",
            ["org"] = new JsonObject { ["id"] = 7 },
        };

        user.ToJsonString().Should().Be(
            """{"identity":"key-123","display_name":"key-123","is_authenticated":true,"permissions":["threads:read","threads:write"],"github_token":"gh-abc","jira_token":"jira-xyz","org":{"id":7}}""");
        JsonSerializer.Serialize(user).Should().Be(user.ToJsonString(), "the [JsonConverter] writes the same shape");
    }

    [Fact]
    public void Custom_fields_keep_their_insertion_order_and_can_be_replaced_and_removed()
    {
        var user = new MinimalUserDict("alice") { ["b"] = 1, ["a"] = 2 };
        user["b"] = 3;

        user.Keys.Should().Equal("identity", "display_name", "is_authenticated", "permissions", "b", "a");
        user.CustomFields.Select(f => (f.Key, f.Value!.GetValue<int>())).Should().Equal(("b", 3), ("a", 2));
        user.ContainsKey("a").Should().BeTrue();
        user.ContainsKey("identity").Should().BeTrue();
        user.ContainsKey("missing").Should().BeFalse();
        user["missing"].Should().BeNull();

        user.Remove("b").Should().BeTrue();
        user.Remove("b").Should().BeFalse();
        user.Keys.Should().Equal("identity", "display_name", "is_authenticated", "permissions", "a");
        FluentActions.Invoking(() => user.Remove("identity")).Should().Throw<ArgumentException>().WithMessage("*\"identity\" cannot be removed*");
    }

    [Fact]
    public void The_indexer_reads_and_writes_the_standard_fields_through_the_typed_properties()
    {
        var user = new MinimalUserDict("alice") { DisplayName = "Alice", Permissions = ["p1"] };

        user["identity"]!.GetValue<string>().Should().Be("alice");
        user["display_name"]!.GetValue<string>().Should().Be("Alice");
        user["is_authenticated"]!.GetValue<bool>().Should().BeTrue();
        user["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal("p1");

        user["identity"] = "bob";
        user["display_name"] = "Bob";
        user["is_authenticated"] = false;
        user["permissions"] = new JsonArray("a", "b");

        user.Identity.Should().Be("bob");
        user.DisplayName.Should().Be("Bob");
        user.IsAuthenticated.Should().BeFalse();
        user.Permissions.Should().Equal("a", "b");
        user.CustomFields.Should().BeEmpty("standard names never become custom fields");
    }

    [Fact]
    public void Setting_a_standard_field_to_the_wrong_json_type_throws_and_names_the_field()
    {
        var user = new MinimalUserDict("alice");

        FluentActions.Invoking(() => user["identity"] = 5).Should().Throw<ArgumentException>().WithMessage("*\"identity\"*string*");
        FluentActions.Invoking(() => user["identity"] = null).Should().Throw<ArgumentException>().WithMessage("*\"identity\" field cannot be null*");
        FluentActions.Invoking(() => user["is_authenticated"] = "yes").Should().Throw<ArgumentException>().WithMessage("*\"is_authenticated\"*boolean*");
        FluentActions.Invoking(() => user["permissions"] = "read").Should().Throw<ArgumentException>().WithMessage("*\"permissions\"*array of strings*");
        FluentActions.Invoking(() => user["permissions"] = new JsonArray(1)).Should().Throw<ArgumentException>().WithMessage("*\"permissions\"*array of strings*");
    }

    [Fact]
    public void Parse_and_JsonSerializer_read_the_shape_back_with_custom_fields()
    {
        const string json = """{"identity":"u1","display_name":"User One","is_authenticated":false,"permissions":["x"],"kind":"custom","n":3}""";

        var parsed = MinimalUserDict.Parse(json);
        var deserialized = JsonSerializer.Deserialize<MinimalUserDict>(json)!;

        foreach (var user in new[] { parsed, deserialized })
        {
            user.Identity.Should().Be("u1");
            user.DisplayName.Should().Be("User One");
            user.IsAuthenticated.Should().BeFalse();
            user.Permissions.Should().Equal("x");
            user["kind"]!.GetValue<string>().Should().Be("custom");
            user["n"]!.GetValue<int>().Should().Be(3);
            user.ToJsonString().Should().Be(json);
        }
    }

    [Theory]
    [InlineData("""{"display_name":"x"}""", "*string \"identity\"*")]
    [InlineData("""{"identity":5}""", "*string \"identity\"*")]
    [InlineData("""["alice"]""", "*JSON object*")]
    [InlineData("""{"identity":"a","permissions":"read"}""", "*\"permissions\" must be an array of strings*")]
    [InlineData("""{"identity":"a","is_authenticated":"yes"}""", "*\"is_authenticated\" must be true or false*")]
    public void Parse_rejects_json_that_is_not_a_user(string json, string message)
    {
        FluentActions.Invoking(() => MinimalUserDict.Parse(json)).Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void A_user_reused_across_requests_can_be_serialized_into_configurable_more_than_once()
    {
        var shared = new JsonObject { ["id"] = 1 };
        var user = new MinimalUserDict("alice") { ["org"] = shared };

        var first = new JsonObject();
        var second = new JsonObject();
        AuthConfigurable.Apply(first, user);
        AuthConfigurable.Apply(second, user);

        first.ToJsonString().Should().Be(second.ToJsonString());
        shared.Parent.Should().BeNull("custom values are cloned, not re-parented");
    }
}

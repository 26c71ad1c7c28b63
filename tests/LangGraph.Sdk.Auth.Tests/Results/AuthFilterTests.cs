using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;

namespace LangGraph.Sdk.Auth.Tests.Results;

public sealed class AuthFilterTests
{
    [Fact]
    public void A_filter_is_an_allowing_result()
    {
        AuthResult result = new AuthFilter { ["owner"] = "alice" };

        result.IsAllowed.Should().BeTrue();
        ((object?)result.Filter).Should().BeSameAs(result);
    }

    [Fact]
    public void Booleans_convert_to_the_allow_and_deny_singletons()
    {
        AuthResult allowed = true;
        AuthResult denied = false;

        allowed.Should().BeSameAs(AuthResult.Allow);
        denied.Should().BeSameAs(AuthResult.Deny);
        AuthResult.FromBoolean(true).IsAllowed.Should().BeTrue();
        AuthResult.Deny.IsAllowed.Should().BeFalse();
        AuthResult.Allow.Filter.Should().BeNull();
        AuthResult.Allow.ToString().Should().Be("Allow");
        AuthResult.Deny.ToString().Should().Be("Deny");
    }

    [Fact]
    public void Conditions_keep_their_order_and_the_indexer_replaces()
    {
        var filter = new AuthFilter { { "b", "1" }, { "a", FilterCondition.Eq("2") } };
        filter["b"] = "3";

        filter.Keys.Should().Equal("b", "a");
        filter.Count.Should().Be(2);
        filter["b"].PlainValue.Should().Be("3");
        filter["a"].EqOperand.Should().Be("2");
        filter.ContainsKey("a").Should().BeTrue();
        filter.TryGetValue("zzz", out _).Should().BeFalse();
        filter.Select(c => c.Key).Should().Equal("b", "a");
        FluentActions.Invoking(() => filter["zzz"]).Should().Throw<KeyNotFoundException>().WithMessage("*\"zzz\"*");
        FluentActions.Invoking(() => filter.Add("a", "x")).Should().Throw<ArgumentException>().WithMessage("*already has a condition on \"a\"*");
    }

    [Fact]
    public void Conditions_expose_their_operands()
    {
        FilterCondition plain = "v";
        plain.IsOperator.Should().BeFalse();
        plain.PlainValue.Should().Be("v");

        var eq = FilterCondition.Eq("v");
        eq.IsOperator.Should().BeTrue();
        eq.EqOperand.Should().Be("v");

        FilterCondition.Contains("v").ContainsOperand.Should().Be("v");
        FilterCondition.Contains(["a", "b"]).ContainsAllOperands.Should().Equal("a", "b");
        FilterCondition.Contains(["a"]).ToString().Should().Be("""{"$contains":["a"]}""");
        FluentActions.Invoking(() => FilterCondition.Contains(new[] { "a", null! })).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("[]", "*JSON object*")]
    [InlineData("""{"owner":5}""", "*string or an object*")]
    [InlineData("""{"owner":{"$ne":"x"}}""", "*Unsupported filter operator \"$ne\"*")]
    [InlineData("""{"owner":{"$eq":5}}""", "*Unsupported filter operator \"$eq\"*")]
    [InlineData("""{"tags":{"$contains":[1]}}""", "*must hold strings*")]
    public void Parse_rejects_what_the_server_does_not_support(string json, string message)
    {
        FluentActions.Invoking(() => AuthFilter.Parse(json)).Should().Throw<JsonException>().WithMessage(message);
    }
}

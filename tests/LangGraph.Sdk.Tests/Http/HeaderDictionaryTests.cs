using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.Tests.Http;

public class HeaderDictionaryTests
{
    [Fact]
    public void It_behaves_as_a_case_insensitive_dictionary()
    {
        IDictionary<string, string> headers = new HeaderDictionary();
        headers.Add("A", "1");
        headers["b"] = "2";

        headers.Should().HaveCount(2);
        headers.ContainsKey("a").Should().BeTrue();
        headers.TryGetValue("B", out var b).Should().BeTrue();
        b.Should().Be("2");
        headers.Contains(new KeyValuePair<string, string>("a", "1")).Should().BeTrue();
        headers.Contains(new KeyValuePair<string, string>("a", "other")).Should().BeFalse();
        headers.Remove(new KeyValuePair<string, string>("a", "other")).Should().BeFalse();
        headers.Remove(new KeyValuePair<string, string>("A", "1")).Should().BeTrue();
        headers.Remove("B").Should().BeTrue();
        headers.Should().BeEmpty();
    }

    [Fact]
    public void Adding_a_duplicate_with_other_casing_throws()
    {
        var headers = new HeaderDictionary { { "X-A", "1" } };

        var act = () => headers.Add("x-a", "2");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Per_call_dictionaries_accept_x_api_key()
    {
        var headers = new HeaderDictionary(allowApiKey: true) { ["x-api-key"] = "k" };

        headers["X-API-KEY"].Should().Be("k");
    }

    [Fact]
    public void Request_options_headers_accept_x_api_key()
    {
        var options = new ThreadGetOptions { Headers = { ["x-api-key"] = "per-call" } };

        options.Headers.Should().ContainKey("X-Api-Key");
    }

    [Fact]
    public void Null_keys_are_refused()
    {
        var headers = new HeaderDictionary();

        var act = () => headers[null!] = "v";

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void CopyTo_keys_values_and_clear_work()
    {
        var headers = new HeaderDictionary { ["a"] = "1", ["b"] = "2" };
        var array = new KeyValuePair<string, string>[3];

        headers.CopyTo(array, 1);
        headers.Keys.Should().BeEquivalentTo("a", "b");
        headers.Values.Should().BeEquivalentTo("1", "2");
        ((IReadOnlyDictionary<string, string>)headers).Keys.Should().HaveCount(2);
        ((IReadOnlyDictionary<string, string>)headers).Values.Should().HaveCount(2);
        headers.IsReadOnly.Should().BeFalse();
        array.Skip(1).Select(p => p.Key).Should().BeEquivalentTo("a", "b");

        headers.Clear();
        headers.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Authorization", true)]
    [InlineData("X-Custom_1.2~!#$%&'*+^`|", true)]
    [InlineData("", false)]
    [InlineData("Bad Header", false)]
    [InlineData("Bad:Header", false)]
    [InlineData("Héader", false)]
    public void IsValidName_follows_the_RFC_token_rules(string name, bool valid)
    {
        HeaderDictionary.IsValidName(name).Should().Be(valid);
    }
}

using FluentAssertions;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Http;

public class ApiKeyResolverTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  key  ", "key")]
    [InlineData("\"key\"", "key")]
    [InlineData("'key'", "key")]
    [InlineData(" \" key \" ", "key")]
    [InlineData("\"key'", "\"key'")]
    [InlineData("\"", "\"")]
    [InlineData("\"\"", "")]
    [InlineData("''inner''", "'inner'")]
    public void Normalize_trims_and_removes_one_pair_of_matching_quotes(string? raw, string? expected)
    {
        ApiKeyResolver.Normalize(raw).Should().Be(expected);
    }

    [Fact]
    public void Resolve_prefers_the_explicit_key_as_is()
    {
        var options = new LangGraphClientOptions { ApiKey = " explicit " };

        ApiKeyResolver.Resolve(options, Env.Of(("LANGGRAPH_API_KEY", "env"))).Should().Be(" explicit ");
    }

    [Fact]
    public void Resolve_reads_the_variables_in_order()
    {
        var options = new LangGraphClientOptions();

        ApiKeyResolver.Resolve(options, Env.Of(("LANGSMITH_API_KEY", "b"), ("LANGCHAIN_API_KEY", "c"))).Should().Be("b");
        ApiKeyResolver.Resolve(options, Env.Of(("LANGGRAPH_API_KEY", ""), ("LANGCHAIN_API_KEY", "c"))).Should().Be("c");
        ApiKeyResolver.Resolve(options, Env.Empty).Should().BeNull();
    }

    [Fact]
    public void Resolve_does_not_read_the_environment_when_disabled()
    {
        var options = new LangGraphClientOptions { ReadApiKeyFromEnvironment = false };
        var asked = false;

        ApiKeyResolver.Resolve(options, _ => { asked = true; return "k"; }).Should().BeNull();
        asked.Should().BeFalse();
    }

    [Fact]
    public void The_variable_names_are_the_python_sdk_ones()
    {
        LangGraphClientOptions.ApiKeyEnvironmentVariables.Should().Equal("LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY");
    }
}

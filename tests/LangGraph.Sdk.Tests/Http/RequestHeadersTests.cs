using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Http;

public class RequestHeadersTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task User_Agent_is_langgraph_sdk_dotnet_with_the_version()
    {
        RespondToAll(body: "1");
        var client = CreateClient();

        await client.Threads.CountAsync();

        var userAgent = Header(SingleRequest(), "User-Agent");
        userAgent.Should().Be(LangGraphHttpCore.DefaultUserAgent);
        userAgent.Should().MatchRegex(@"^langgraph-sdk-dotnet/\d+\.\d+\.\d+\S*$");
        userAgent.Should().NotContain("+", "the source revision is cut off");
    }

    [Fact]
    public async Task UserAgent_option_is_appended_as_a_product_token()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o => o.UserAgent = "  my-app/1.2 ");

        await client.Threads.CountAsync();

        Header(SingleRequest(), "User-Agent").Should().Be($"{LangGraphHttpCore.DefaultUserAgent} my-app/1.2");
    }

    [Fact]
    public async Task A_User_Agent_default_header_replaces_the_default_one()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o => o.DefaultHeaders["user-agent"] = "custom/9");

        await client.Threads.CountAsync();

        Header(SingleRequest(), "User-Agent").Should().Be("custom/9");
    }

    [Fact]
    public async Task Default_headers_are_sent_on_every_request()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient(o =>
        {
            o.DefaultHeaders["Authorization"] = "Bearer alice-token";
            o.DefaultHeaders["X-Custom-Header"] = "hello";
        });

        await client.Threads.GetAsync("t1");
        await client.Threads.CreateAsync();

        Requests().Should().HaveCount(2).And.AllSatisfy(r =>
        {
            Header(r, "Authorization").Should().Be("Bearer alice-token");
            Header(r, "X-Custom-Header").Should().Be("hello");
        });
    }

    [Fact]
    public void Default_headers_are_case_insensitive()
    {
        var options = new LangGraphClientOptions();
        options.DefaultHeaders["X-Custom"] = "one";
        options.DefaultHeaders["x-custom"] = "two";

        options.DefaultHeaders.Should().ContainSingle();
        options.DefaultHeaders["X-CUSTOM"].Should().Be("two");
        options.DefaultHeaders.ContainsKey("x-Custom").Should().BeTrue();
    }

    [Fact]
    public async Task Default_headers_set_with_different_casing_send_one_header()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o =>
        {
            o.DefaultHeaders["X-Custom"] = "one";
            o.DefaultHeaders["x-custom"] = "two";
        });

        await client.Threads.CountAsync();

        Header(SingleRequest(), "X-Custom").Should().Be("two");
    }

    [Fact]
    public async Task Per_call_headers_win_over_default_headers_case_insensitively()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o =>
        {
            o.DefaultHeaders["Authorization"] = "Bearer alice-token";
            o.DefaultHeaders["X-Kept"] = "kept";
        });

        await client.Threads.CountAsync(new ThreadCountOptions { Headers = { ["authorization"] = "Bearer bob-token" } });

        var request = SingleRequest();
        Header(request, "Authorization").Should().Be("Bearer bob-token");
        request.Headers!.Keys.Count(k => k.Equals("Authorization", StringComparison.OrdinalIgnoreCase)).Should().Be(1);
        Header(request, "X-Kept").Should().Be("kept");
    }

    [Fact]
    public async Task Per_call_headers_apply_to_that_call_only()
    {
        RespondToAll(body: "1");
        var client = CreateClient();

        await client.Threads.CountAsync(new ThreadCountOptions { Headers = { ["X-Once"] = "yes" } });
        await client.Threads.CountAsync();

        var requests = Requests();
        Header(requests[0], "X-Once").Should().Be("yes");
        Header(requests[1], "X-Once").Should().BeNull();
    }

    [Fact]
    public async Task ApiKey_is_sent_as_x_api_key()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o => o.ApiKey = "key-alice");

        await client.Threads.CountAsync();

        Header(SingleRequest(), "x-api-key").Should().Be("key-alice");
    }

    [Fact]
    public async Task Per_call_x_api_key_is_allowed_and_wins()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o => o.ApiKey = "key-alice");

        await client.Threads.CountAsync(new ThreadCountOptions { Headers = { ["X-Api-Key"] = "key-bob" } });

        Header(SingleRequest(), "x-api-key").Should().Be("key-bob");
    }

    [Theory]
    [InlineData("x-api-key")]
    [InlineData("X-API-KEY")]
    [InlineData("X-Api-Key")]
    public void X_api_key_in_default_headers_is_refused(string name)
    {
        var options = new LangGraphClientOptions();

        var viaIndexer = () => options.DefaultHeaders[name] = "k";
        var viaAdd = () => options.DefaultHeaders.Add(name, "k");

        viaIndexer.Should().Throw<ArgumentException>().WithMessage("*x-api-key*ApiKey*");
        viaAdd.Should().Throw<ArgumentException>();
        options.DefaultHeaders.Should().BeEmpty();
    }

    [Fact]
    public void X_api_key_in_Create_headers_is_refused()
    {
        var act = () => LangGraphClient.Create(Url, headers: [new("x-api-key", "k")]);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Api_key_falls_back_to_LANGGRAPH_API_KEY_first()
    {
        RespondToAll(body: "1");
        var client = CreateClient(environment: Env.Of(("LANGGRAPH_API_KEY", "lg"), ("LANGSMITH_API_KEY", "ls"), ("LANGCHAIN_API_KEY", "lc")));

        await client.Threads.CountAsync();

        Header(SingleRequest(), "x-api-key").Should().Be("lg");
    }

    [Fact]
    public async Task Api_key_falls_back_to_LANGSMITH_then_LANGCHAIN()
    {
        RespondToAll(body: "1");
        var smith = CreateClient(environment: Env.Of(("LANGSMITH_API_KEY", "ls"), ("LANGCHAIN_API_KEY", "lc")));
        var chain = CreateClient(environment: Env.Of(("LANGCHAIN_API_KEY", "lc")));

        await smith.Threads.CountAsync();
        await chain.Threads.CountAsync();

        Requests().Select(r => Header(r, "x-api-key")).Should().Equal("ls", "lc");
    }

    [Fact]
    public async Task Environment_keys_are_trimmed_and_lose_one_pair_of_quotes()
    {
        RespondToAll(body: "1");
        var doubleQuoted = CreateClient(environment: Env.Of(("LANGGRAPH_API_KEY", "  \"quoted-key\"  ")));
        var singleQuoted = CreateClient(environment: Env.Of(("LANGGRAPH_API_KEY", "'single'")));
        var twoPairs = CreateClient(environment: Env.Of(("LANGGRAPH_API_KEY", "\"\"twice\"\"")));

        await doubleQuoted.Threads.CountAsync();
        await singleQuoted.Threads.CountAsync();
        await twoPairs.Threads.CountAsync();

        Requests().Select(r => Header(r, "x-api-key")).Should().Equal("quoted-key", "single", "\"twice\"");
    }

    [Fact]
    public async Task Empty_environment_values_are_skipped()
    {
        RespondToAll(body: "1");
        var client = CreateClient(environment: Env.Of(("LANGGRAPH_API_KEY", "   "), ("LANGSMITH_API_KEY", "\"\""), ("LANGCHAIN_API_KEY", "third")));

        await client.Threads.CountAsync();

        Header(SingleRequest(), "x-api-key").Should().Be("third");
    }

    [Fact]
    public async Task No_key_anywhere_sends_no_x_api_key()
    {
        RespondToAll(body: "1");
        var client = CreateClient(environment: Env.Empty);

        await client.Threads.CountAsync();

        Header(SingleRequest(), "x-api-key").Should().BeNull();
    }

    [Fact]
    public async Task ReadApiKeyFromEnvironment_false_sends_no_key()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o => o.ReadApiKeyFromEnvironment = false, Env.Of(("LANGGRAPH_API_KEY", "lg")));

        await client.Threads.CountAsync();

        Header(SingleRequest(), "x-api-key").Should().BeNull();
    }

    [Fact]
    public async Task An_explicit_ApiKey_wins_over_the_environment()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o => o.ApiKey = "explicit", Env.Of(("LANGGRAPH_API_KEY", "lg")));

        await client.Threads.CountAsync();

        Header(SingleRequest(), "x-api-key").Should().Be("explicit");
    }

    [Fact]
    public async Task An_explicit_empty_ApiKey_sends_no_key_and_does_not_read_the_environment()
    {
        RespondToAll(body: "1");
        var client = CreateClient(o => o.ApiKey = "", Env.Of(("LANGGRAPH_API_KEY", "lg")));

        await client.Threads.CountAsync();

        Header(SingleRequest(), "x-api-key").Should().BeNull();
    }

    [Fact]
    public async Task Json_bodies_carry_application_json()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.SearchAsync();

        Header(SingleRequest(), "Content-Type").Should().Be("application/json");
    }

    [Fact]
    public async Task A_header_that_cannot_go_on_a_request_is_an_ArgumentException()
    {
        RespondToAll(body: "1");
        var client = CreateClient();

        var act = () => client.Threads.CountAsync(new ThreadCountOptions { Headers = { ["Bad Header"] = "x" } });

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_per_call_header_value_with_a_line_break_is_an_ArgumentException()
    {
        RespondToAll(body: "1");
        var client = CreateClient();

        var act = () => client.Threads.CountAsync(new ThreadCountOptions { Headers = { ["X-Injected"] = "a\r\nX-Evil: 1" } });

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }
}

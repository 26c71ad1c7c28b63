using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using WireMock.RequestBuilders;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary>Construction, naming and disposal of <see cref="RemoteGraph"/>, and the client a graph builds from its options (against WireMock).</summary>
public class RemoteGraphConstructionTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private const string GraphJson = "{\"nodes\":[{\"id\":\"__start__\"}],\"edges\":[]}";

    [Fact]
    public void Options_without_a_url_are_refused_with_a_message_naming_url_and_client()
    {
        var act = () => new RemoteGraph("agent", new RemoteGraphOptions());

        act.Should().Throw<ArgumentException>()
            .WithMessage("*RemoteGraphOptions.Url*")
            .WithMessage("*LangGraphClient*")
            .Which.ParamName.Should().Be("options");
    }

    [Fact]
    public void Null_options_are_refused()
    {
        var act = () => new RemoteGraph("agent", (RemoteGraphOptions)null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_null_client_is_refused()
    {
        var act = () => new RemoteGraph("agent", (LangGraphClient)null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("client");
    }

    [Fact]
    public void A_url_together_with_a_client_is_refused()
    {
        using var client = TestClients.Create("http://server");

        var act = () => new RemoteGraph("agent", client, new RemoteGraphOptions { Url = new Uri("http://other") });

        act.Should().Throw<ArgumentException>().WithMessage("*Url*client*").Which.ParamName.Should().Be("options");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void An_empty_assistant_id_is_refused(string? assistantId)
    {
        using var client = TestClients.Create("http://server");

        var withClient = () => new RemoteGraph(assistantId!, client);
        var withUrl = () => new RemoteGraph(assistantId!, new RemoteGraphOptions { Url = new Uri("http://server") });

        withClient.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("assistantId");
        withUrl.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("assistantId");
    }

    [Fact]
    public void The_name_defaults_to_the_assistant_id()
    {
        using var client = TestClients.Create("http://server");
        using var graph = new RemoteGraph("agent", client);
        using var empty = new RemoteGraph("agent", client, new RemoteGraphOptions { Name = "" });
        using var named = new RemoteGraph("agent", client, new RemoteGraphOptions { Name = "my-graph" });
        using var fromUrl = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url) });
        using var fromUrlNamed = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url), Name = "n" });

        graph.Name.Should().Be("agent");
        graph.AssistantId.Should().Be("agent");
        graph.Client.Should().BeSameAs(client);
        empty.Name.Should().Be("agent");
        named.Name.Should().Be("my-graph");
        named.AssistantId.Should().Be("agent");
        fromUrl.Name.Should().Be("agent");
        fromUrlNamed.Name.Should().Be("n");
        fromUrl.Client.ApiUrl.Should().Be(new Uri(Url));
    }

    [Fact]
    public void The_api_key_header_belongs_in_ApiKey_not_in_the_graph_headers()
    {
        var act = () => new RemoteGraphOptions { Headers = { ["x-api-key"] = "k" } };

        act.Should().Throw<ArgumentException>()
            .WithMessage("*RemoteGraphOptions.ApiKey*", "the caller is setting a RemoteGraphOptions header, not a LangGraphClientOptions one");
    }

    [Fact]
    public async Task A_graph_built_from_options_sends_its_url_headers_and_api_key()
    {
        Respond(Request.Create().WithPath("/assistants/agent/graph").UsingGet(), body: GraphJson);
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions
        {
            Url = new Uri(Url),
            Headers = { ["Authorization"] = "Bearer x" },
            ApiKey = "k",
        });

        var drawing = await graph.GetGraphAsync(true);

        drawing.Nodes.Should().ContainSingle();
        var request = SingleRequest();
        request.Path.Should().Be("/assistants/agent/graph");
        request.Query!["xray"].Should().Equal("true");
        Header(request, "Authorization").Should().Be("Bearer x");
        Header(request, "x-api-key").Should().Be("k");
    }

    [Fact]
    public async Task A_graph_built_from_options_streams_runs_with_its_headers()
    {
        Respond(Request.Create().WithPath("/threads/t1/runs/stream").UsingPost(), body: "event: values\ndata: {\"a\":1}\n\n", contentType: "text/event-stream");
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions
        {
            Url = new Uri(Url),
            Headers = { ["Authorization"] = "Bearer x" },
            ApiKey = "k",
            Config = new RunConfig { Configurable = { ["thread_id"] = "t1" } },
        });

        var result = await graph.InvokeAsync(null);

        result.GetProperty("a").GetInt32().Should().Be(1);
        var request = SingleRequest();
        Header(request, "Authorization").Should().Be("Bearer x");
        Header(request, "x-api-key").Should().Be("k");
        JsonAssert.Equal(
            "{\"assistant_id\":\"agent\",\"stream_mode\":[\"values\",\"updates\"],\"stream_subgraphs\":false,\"stream_resumable\":false,\"if_not_exists\":\"create\"}",
            request.Body);
    }

    [Fact]
    public async Task Per_call_headers_win_over_the_headers_of_a_graph_built_from_options()
    {
        RespondToAll(body: GraphJson);
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url), Headers = { ["Authorization"] = "Bearer graph" }, ApiKey = "graph-key" });

        await graph.GetGraphAsync(options: new LangGraphRequestOptions { Headers = { ["Authorization"] = "Bearer call", ["x-api-key"] = "call-key" } });

        var request = SingleRequest();
        Header(request, "Authorization").Should().Be("Bearer call");
        Header(request, "x-api-key").Should().Be("call-key");
    }

    [Fact]
    public async Task Disposing_a_graph_on_a_given_client_leaves_the_client_working()
    {
        RespondToAll(body: GraphJson);
        var client = CreateClient();
        var graph = new RemoteGraph("agent", client);

        graph.Dispose();
        graph.Dispose();

        (await client.Assistants.GetGraphAsync("agent")).Nodes.Should().ContainSingle();
        (await graph.GetGraphAsync()).Nodes.Should().ContainSingle("the graph is only a view over the client");
    }

    [Fact]
    public async Task Disposing_a_graph_built_from_options_disposes_its_client()
    {
        RespondToAll(body: GraphJson);
        var graph = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url) });
        (await graph.GetGraphAsync()).Nodes.Should().ContainSingle();

        graph.Dispose();
        graph.Dispose();

        await graph.Client.Invoking(c => c.Assistants.GetGraphAsync("agent")).Should().ThrowAsync<ObjectDisposedException>();
        Requests().Should().HaveCount(1);
    }

    [Fact]
    public async Task A_graph_built_from_options_joins_the_callers_trace_through_the_runtime_handler()
    {
        // DistributedTracing is off by default: .NET's SocketsHttpHandler propagates the current activity itself.
        RespondToAll(body: GraphJson);
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url) });
        using var activity = new System.Diagnostics.Activity("caller").SetIdFormat(System.Diagnostics.ActivityIdFormat.W3C).Start();

        await graph.GetGraphAsync();

        var traceparent = Header(SingleRequest(), "traceparent");
        traceparent.Should().NotBeNull().And.Contain(activity.TraceId.ToHexString(), "the remote call carries the caller's trace id");
    }

    [Fact]
    public async Task Disposing_a_WithConfig_copy_does_not_dispose_the_shared_client()
    {
        RespondToAll(body: GraphJson);
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url) });
        var copy = graph.WithConfig(new RunConfig { Tags = ["t"] });

        copy.Dispose();

        copy.Client.Should().BeSameAs(graph.Client);
        (await graph.GetGraphAsync()).Nodes.Should().ContainSingle();
        (await copy.GetGraphAsync()).Nodes.Should().ContainSingle();
        Requests().Should().HaveCount(2);
    }
}

/// <summary>Tests that change the process environment: run alone, so no other test sees the variables.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>The API key a graph built from options reads from <c>LANGGRAPH_API_KEY</c> (unlike Python's, which skips the environment).</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class RemoteGraphEnvironmentKeyTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private static readonly string[] Variables = ["LANGGRAPH_API_KEY", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"];
    private readonly (string Name, string? Value)[] _saved = Variables.Select(v => (v, Environment.GetEnvironmentVariable(v))).ToArray();

    private void SetOnly(string name, string value)
    {
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    [Fact]
    public async Task A_graph_built_from_options_reads_the_api_key_from_the_environment()
    {
        SetOnly("LANGGRAPH_API_KEY", "env-key");
        RespondToAll(body: "{\"nodes\":[],\"edges\":[]}");
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url) });

        await graph.GetGraphAsync();

        Header(SingleRequest(), "x-api-key").Should().Be("env-key");
    }

    [Fact]
    public async Task An_explicit_api_key_wins_over_the_environment()
    {
        SetOnly("LANGGRAPH_API_KEY", "env-key");
        RespondToAll(body: "{\"nodes\":[],\"edges\":[]}");
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url), ApiKey = "explicit" });

        await graph.GetGraphAsync();

        Header(SingleRequest(), "x-api-key").Should().Be("explicit");
    }

    [Fact]
    public async Task ReadApiKeyFromEnvironment_false_sends_no_key()
    {
        SetOnly("LANGGRAPH_API_KEY", "env-key");
        RespondToAll(body: "{\"nodes\":[],\"edges\":[]}");
        using var graph = new RemoteGraph("agent", new RemoteGraphOptions { Url = new Uri(Url), ReadApiKeyFromEnvironment = false });

        await graph.GetGraphAsync();

        Header(SingleRequest(), "x-api-key").Should().BeNull();
    }

    [Fact]
    public async Task A_graph_on_a_given_client_does_not_read_the_environment_itself()
    {
        SetOnly("LANGGRAPH_API_KEY", "env-key");
        RespondToAll(body: "{\"nodes\":[],\"edges\":[]}");
        var client = CreateClient(environment: Env.Empty);
        using var graph = new RemoteGraph("agent", client, new RemoteGraphOptions { Headers = { ["Authorization"] = "Bearer x" } });

        await graph.GetGraphAsync();

        Header(SingleRequest(), "x-api-key").Should().BeNull();
    }

    void IDisposable.Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Dispose();
    }
}

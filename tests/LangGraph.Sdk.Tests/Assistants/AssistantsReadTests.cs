using System;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Assistants;

/// <summary>Get, GetGraph, GetSchemas and GetSubgraphs: routes, queries and the models they return.</summary>
public class AssistantsReadTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task GetAsync_sends_GET_to_the_assistant_path_and_reads_the_assistant()
    {
        RespondToAll(body: AssistantJson.Echo);
        var client = CreateClient();

        var assistant = await client.Assistants.GetAsync(AssistantJson.EchoId);

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be($"/assistants/{AssistantJson.EchoId}");
        request.RawQuery.Should().BeNullOrEmpty();
        request.Body.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().BeNull();
        assistant.AssistantId.Should().Be(AssistantJson.EchoId);
        assistant.GraphId.Should().Be("echo");
        assistant.Name.Should().Be("echo");
        assistant.Description.Should().BeNull();
        assistant.Version.Should().Be(1);
        assistant.Metadata["created_by"].GetString().Should().Be("system");
        assistant.Config!.Value.GetRawText().Should().Be("{}");
        assistant.Context!.Value.GetRawText().Should().Be("{}");
        assistant.CreatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 0, 0, 548, TimeSpan.Zero));
        assistant.UpdatedAt.Should().Be(assistant.CreatedAt);
    }

    [Fact]
    public async Task GetAsync_escapes_the_id_as_one_segment()
    {
        RespondToAll(body: AssistantJson.Echo);
        using var handler = StubHttpHandler.Recording();
        using var http = new HttpClient(handler);
        var client = CreateClient(httpClient: http);

        await client.Assistants.GetAsync("a/b c");

        handler.Seen.Should().ContainSingle().Which.PathAndQuery.Should().Be("/assistants/a%2Fb%20c");
    }

    [Fact]
    public async Task GetAsync_of_a_missing_assistant_throws_not_found()
    {
        RespondToAll(404, "Assistant not found", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Assistants.GetAsync(AssistantJson.EchoId);

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("Assistant not found");
    }

    [Fact]
    public async Task GetGraphAsync_sends_xray_false_by_default_and_reads_nodes_and_edges()
    {
        RespondToAll(body: AssistantJson.Graph);
        var client = CreateClient();

        var graph = await client.Assistants.GetGraphAsync("echo");

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/assistants/echo/graph");
        request.RawQuery.Should().Be("?xray=false");
        graph.Nodes.Should().HaveCount(3);
        graph.Nodes[1].Id.Should().Be("echo");
        graph.Nodes[1].Type.Should().Be("runnable");
        graph.Nodes[1].Data!.Value.GetProperty("name").GetString().Should().Be("echo");
        graph.Nodes[0].Metadata.Should().BeNull();
        graph.Edges.Should().HaveCount(2);
        graph.Edges[0].Source.Should().Be("__start__");
        graph.Edges[0].Target.Should().Be("echo");
        graph.Edges[0].Conditional.Should().BeFalse();
        graph.Edges[0].Data.Should().BeNull();
        graph.Edges[1].Conditional.Should().BeTrue();
        graph.Edges[1].Data!.Value.GetString().Should().Be("done");
    }

    [Theory]
    [InlineData(true, "?xray=true")]
    [InlineData(false, "?xray=false")]
    public async Task GetGraphAsync_sends_a_boolean_xray(bool xray, string query)
    {
        RespondToAll(body: AssistantJson.Graph);
        var client = CreateClient();

        await client.Assistants.GetGraphAsync("echo", new AssistantGetGraphOptions { Xray = xray });

        SingleRequest().RawQuery.Should().Be(query);
    }

    [Theory]
    [InlineData(0, "?xray=0")]
    [InlineData(2, "?xray=2")]
    public async Task GetGraphAsync_sends_an_xray_depth(int depth, string query)
    {
        RespondToAll(body: AssistantJson.Graph);
        var client = CreateClient();

        await client.Assistants.GetGraphAsync("echo", new AssistantGetGraphOptions { Xray = depth });

        SingleRequest().RawQuery.Should().Be(query);
    }

    [Fact]
    public void GraphXray_values_map_to_the_query_value()
    {
        GraphXray.None.QueryValue.Should().Be("false");
        default(GraphXray).Should().Be(GraphXray.None);
        GraphXray.All.QueryValue.Should().Be("true");
        GraphXray.All.Enabled.Should().BeTrue();
        GraphXray.All.Depth.Should().BeNull();
        GraphXray.FromDepth(3).Depth.Should().Be(3);
        GraphXray.FromDepth(3).ToString().Should().Be("3");
        GraphXray.FromBoolean(true).Should().Be(GraphXray.All);
        ((GraphXray)false).Should().Be(GraphXray.None);
    }

    [Fact]
    public async Task GetGraphAsync_tolerates_a_graph_without_nodes_or_edges()
    {
        RespondToAll(body: """{"nodes":null}""");
        var client = CreateClient();

        var graph = await client.Assistants.GetGraphAsync("echo");

        graph.Nodes.Should().BeEmpty();
        graph.Edges.Should().BeEmpty();
    }

    [Fact]
    public async Task GetSchemasAsync_sends_GET_and_reads_every_schema()
    {
        RespondToAll(body: AssistantJson.Schemas);
        var client = CreateClient();

        var schemas = await client.Assistants.GetSchemasAsync("echo");

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/assistants/echo/schemas");
        request.RawQuery.Should().BeNullOrEmpty();
        request.Body.Should().BeNullOrEmpty();
        schemas.GraphId.Should().Be("echo");
        schemas.InputSchema!.Value.GetProperty("properties").GetProperty("messages").GetProperty("anyOf").GetArrayLength().Should().Be(2);
        schemas.OutputSchema!.Value.GetProperty("type").GetString().Should().Be("object");
        schemas.StateSchema.Should().NotBeNull();
        schemas.ConfigSchema.Should().NotBeNull();
        schemas.ContextSchema.Should().NotBeNull();
    }

    [Fact]
    public async Task GetSchemasAsync_keeps_missing_schemas_null()
    {
        RespondToAll(body: """{"graph_id":"g","input_schema":null}""");
        var client = CreateClient();

        var schemas = await client.Assistants.GetSchemasAsync("g");

        schemas.InputSchema.Should().BeNull("a JSON null reads as a missing schema");
        schemas.OutputSchema.Should().BeNull();
        schemas.ContextSchema.Should().BeNull();
    }

    [Fact]
    public async Task GetSubgraphsAsync_sends_recurse_false_by_default()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        var subgraphs = await client.Assistants.GetSubgraphsAsync("echo");

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/assistants/echo/subgraphs");
        request.RawQuery.Should().Be("?recurse=false");
        subgraphs.Should().BeEmpty();
    }

    [Fact]
    public async Task GetSubgraphsAsync_puts_the_namespace_in_the_path_and_reads_schemas_by_namespace()
    {
        RespondToAll(body: $$"""{"parent|child":{{AssistantJson.Schemas}}}""");
        using var handler = StubHttpHandler.Recording();
        using var http = new HttpClient(handler);
        var client = CreateClient(httpClient: http);

        var subgraphs = await client.Assistants.GetSubgraphsAsync("echo", new AssistantGetSubgraphsOptions { Namespace = "parent|child", Recurse = true });

        handler.Seen.Should().ContainSingle().Which.PathAndQuery.Should().Be("/assistants/echo/subgraphs/parent%7Cchild?recurse=true");
        SingleRequest().Method.Should().Be("GET");
        subgraphs.Should().ContainKey("parent|child");
        subgraphs["parent|child"].GraphId.Should().Be("echo");
    }

    [Fact]
    public async Task GetSubgraphsAsync_reads_the_subgraphs_shape_of_the_server()
    {
        // What langgraphjs dev 1.5.1 sends for a subgraph: state/input/output/config, no graph_id and no *_schema names.
        RespondToAll(body: """
            {"child":{"state":{"type":"object","properties":{"topic":{"type":"string"}}},"input":{"type":"object","title":"in"},
                      "output":{"type":"object","title":"out"},"config":{"type":"object","title":"cfg"}}}
            """);
        var client = CreateClient();

        var subgraphs = await client.Assistants.GetSubgraphsAsync("g", new AssistantGetSubgraphsOptions { Recurse = true });

        var child = subgraphs.Should().ContainKey("child").WhoseValue;
        child.State!.Value.GetProperty("properties").GetProperty("topic").GetProperty("type").GetString().Should().Be("string");
        child.Input!.Value.GetProperty("title").GetString().Should().Be("in");
        child.Output!.Value.GetProperty("title").GetString().Should().Be("out");
        child.Config!.Value.GetProperty("title").GetString().Should().Be("cfg");
        child.GraphId.Should().BeEmpty();
        child.StateSchema.Should().BeNull();
        child.InputSchema.Should().BeNull();
    }

    [Fact]
    public async Task GetSubgraphsAsync_refuses_a_dot_namespace()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        var act = () => client.Assistants.GetSubgraphsAsync("echo", new AssistantGetSubgraphsOptions { Namespace = ".." });

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }
}

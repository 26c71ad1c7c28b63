using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Assistants;

/// <summary>The server's own assistants (one per graph) and their graph, schemas and subgraphs.</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class AssistantsReadTests(LangGraphServerFixture server)
{
    private const string EchoAssistantId = "046b5dc7-2108-582c-9c6c-31d556d138f0";

    [Fact]
    public async Task Search_finds_the_system_assistant_of_each_graph()
    {
        using var alice = server.CreateClient();

        var options = new AssistantSearchOptions { Metadata = { ["created_by"] = "system" }, Limit = 10 };
        var assistants = await alice.Assistants.SearchAsync(options);

        assistants.Select(a => a.GraphId).Should().BeEquivalentTo(["echo", "slow", "failing", "interrupt", "nested", "subgraph_hitl", "chat"]);
        var echo = assistants.Single(a => a.GraphId == "echo");
        echo.AssistantId.Should().Be(EchoAssistantId);
        echo.Name.Should().Be("echo");
        echo.Version.Should().Be(1);
        echo.Metadata["created_by"].GetString().Should().Be("system");
        echo.CreatedAt.Should().BeAfter(DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public async Task Get_by_id_and_by_graph_id_returns_the_same_assistant()
    {
        using var alice = server.CreateClient();

        var byId = await alice.Assistants.GetAsync(EchoAssistantId);
        var byGraph = await alice.Assistants.GetAsync("echo");

        byId.AssistantId.Should().Be(EchoAssistantId);
        byGraph.AssistantId.Should().Be(EchoAssistantId, "the JS server maps a graph id to its system assistant");
        byGraph.Version.Should().Be(byId.Version);
        byGraph.CreatedAt.Should().Be(byId.CreatedAt);
    }

    [Fact]
    public async Task Get_of_an_unknown_assistant_is_not_found()
    {
        using var alice = server.CreateClient();

        var act = () => alice.Assistants.GetAsync(Guid.NewGuid().ToString());

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("Assistant not found");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetGraph_draws_the_echo_graph(bool xray)
    {
        using var alice = server.CreateClient();

        var graph = await alice.Assistants.GetGraphAsync("echo", new AssistantGetGraphOptions { Xray = xray });

        graph.Nodes.Select(n => n.Id).Should().BeEquivalentTo(["__start__", "echo", "__end__"]);
        graph.Nodes.Single(n => n.Id == "echo").Type.Should().Be("runnable");
        graph.Edges.Select(e => (e.Source, e.Target)).Should().BeEquivalentTo([("__start__", "echo"), ("echo", "__end__")]);
        graph.Edges.Should().OnlyContain(e => !e.Conditional);
    }

    [Fact]
    public async Task GetGraph_accepts_an_xray_depth()
    {
        using var alice = server.CreateClient();

        var graph = await alice.Assistants.GetGraphAsync("slow", new AssistantGetGraphOptions { Xray = 1 });

        graph.Nodes.Select(n => n.Id).Should().Contain(["step1", "step2", "step3", "step4"]);
    }

    [Fact]
    public async Task GetSchemas_returns_the_state_schemas_of_the_graph()
    {
        using var alice = server.CreateClient();

        var schemas = await alice.Assistants.GetSchemasAsync(EchoAssistantId);

        schemas.GraphId.Should().Be("echo");
        schemas.InputSchema!.Value.GetProperty("properties").TryGetProperty("messages", out _).Should().BeTrue();
        schemas.OutputSchema!.Value.GetProperty("properties").TryGetProperty("auth_user_id", out _).Should().BeTrue();
        schemas.StateSchema.Should().NotBeNull();
        schemas.ConfigSchema.Should().NotBeNull();
        schemas.ContextSchema.Should().NotBeNull();
    }

    [Fact]
    public async Task GetSubgraphs_of_a_graph_without_subgraphs_is_empty()
    {
        using var alice = server.CreateClient();

        var all = await alice.Assistants.GetSubgraphsAsync("echo", new AssistantGetSubgraphsOptions { Recurse = true });
        var one = await alice.Assistants.GetSubgraphsAsync("echo", new AssistantGetSubgraphsOptions { Namespace = "missing" });

        all.Should().BeEmpty();
        one.Should().BeEmpty();
    }
}

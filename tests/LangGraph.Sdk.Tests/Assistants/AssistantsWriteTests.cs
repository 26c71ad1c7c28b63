using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Assistants;

/// <summary>Create, Update, Delete and SetLatest: routes, bodies and Python's None-stripping for each.</summary>
public class AssistantsWriteTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task CreateAsync_without_options_sends_only_the_graph_id()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        var assistant = await client.Assistants.CreateAsync("echo");

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/assistants");
        request.RawQuery.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().StartWith("application/json");
        JsonAssert.Equal("""{"graph_id":"echo"}""", request.Body);
        assistant.AssistantId.Should().Be("11111111-1111-4111-8111-111111111111");
        assistant.Version.Should().Be(2);
        assistant.Description.Should().Be("desc");
        assistant.Metadata["k"].GetInt32().Should().Be(2);
        assistant.Config!.Value.GetProperty("configurable").GetProperty("x").GetInt32().Should().Be(1);
        assistant.Context!.Value.GetProperty("c").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task CreateAsync_sends_every_field()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        await client.Assistants.CreateAsync("echo", new AssistantCreateOptions
        {
            Config = new RunConfig { Tags = ["t"], RecursionLimit = 5, Configurable = { ["model"] = "m" } },
            Context = new Dictionary<string, object?> { ["user"] = "u1" },
            Metadata = { ["team"] = "a", ["n"] = 1 },
            AssistantId = "11111111-1111-4111-8111-111111111111",
            IfExists = OnConflictBehavior.DoNothing,
            Name = "mine",
            Description = "desc",
        });

        JsonAssert.Equal(
            """
            {"graph_id":"echo","config":{"tags":["t"],"recursion_limit":5,"configurable":{"model":"m"}},
             "context":{"user":"u1"},"metadata":{"team":"a","n":1},"assistant_id":"11111111-1111-4111-8111-111111111111",
             "if_exists":"do_nothing","name":"mine","description":"desc"}
            """,
            SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_leaves_out_empty_values_as_python_does()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        await client.Assistants.CreateAsync("echo", new AssistantCreateOptions
        {
            Config = new RunConfig(),
            Context = new Dictionary<string, object?>(),
            AssistantId = "",
            Name = "",
            Description = "",
        });

        JsonAssert.Equal("""{"graph_id":"echo"}""", SingleRequest().Body);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task CreateAsync_leaves_out_an_empty_json_context(string context)
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        await client.Assistants.CreateAsync("echo", new AssistantCreateOptions { Context = JsonDocument.Parse(context).RootElement });

        JsonAssert.Equal("""{"graph_id":"echo"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_sends_a_json_element_context_as_is()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        await client.Assistants.CreateAsync("echo", new AssistantCreateOptions { Context = JsonDocument.Parse("""{"a":[1,2]}""").RootElement });

        JsonAssert.Equal("""{"graph_id":"echo","context":{"a":[1,2]}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_of_an_existing_id_throws_conflict()
    {
        RespondToAll(409, "Assistant already exists", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Assistants.CreateAsync("echo", new AssistantCreateOptions { AssistantId = "a1", IfExists = OnConflictBehavior.Raise });

        (await act.Should().ThrowAsync<LangGraphConflictException>()).Which.Detail.Should().Be("Assistant already exists");
        JsonAssert.Equal("""{"graph_id":"echo","assistant_id":"a1","if_exists":"raise"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_refuses_a_null_graph_id()
    {
        var client = CreateClient();

        var act = () => client.Assistants.CreateAsync(null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("graphId");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateAsync_without_options_sends_an_empty_object()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        var updated = await client.Assistants.UpdateAsync("a1");

        var request = SingleRequest();
        request.Method.Should().Be("PATCH");
        request.Path.Should().Be("/assistants/a1");
        JsonAssert.Equal("{}", request.Body);
        updated.Name.Should().Be("renamed");
    }

    [Fact]
    public async Task UpdateAsync_sends_every_field()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        await client.Assistants.UpdateAsync("a1", new AssistantUpdateOptions
        {
            GraphId = "slow",
            Config = new RunConfig { Configurable = { ["delay_ms"] = 10 } },
            Context = new Dictionary<string, object?> { ["k"] = true },
            Metadata = { ["m"] = "v" },
            Name = "renamed",
            Description = "new",
        });

        JsonAssert.Equal(
            """
            {"graph_id":"slow","config":{"configurable":{"delay_ms":10}},"context":{"k":true},"metadata":{"m":"v"},
             "name":"renamed","description":"new"}
            """,
            SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateAsync_sends_an_empty_config_and_context_because_they_are_not_null()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        await client.Assistants.UpdateAsync("a1", new AssistantUpdateOptions
        {
            Config = new RunConfig(),
            Context = new Dictionary<string, object?>(),
            GraphId = "",
            Name = "",
        });

        JsonAssert.Equal("""{"config":{},"context":{}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task DeleteAsync_sends_DELETE_without_query_by_default()
    {
        RespondToAll(body: """["a1"]""");
        var client = CreateClient();

        await client.Assistants.DeleteAsync("a1");

        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/assistants/a1");
        request.RawQuery.Should().BeNullOrEmpty();
        request.Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task DeleteAsync_sends_delete_threads_true_only_when_asked()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Assistants.DeleteAsync("a1", new AssistantDeleteOptions { DeleteThreads = true });
        await client.Assistants.DeleteAsync("a2", new AssistantDeleteOptions { DeleteThreads = false });

        var requests = Requests();
        requests[0].RawQuery.Should().Be("?delete_threads=true");
        requests[1].RawQuery.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task SetLatestAsync_posts_the_version()
    {
        RespondToAll(body: AssistantJson.Custom);
        var client = CreateClient();

        var assistant = await client.Assistants.SetLatestAsync("a1", 1);

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/assistants/a1/latest");
        JsonAssert.Equal("""{"version":1}""", request.Body);
        assistant.AssistantId.Should().Be("11111111-1111-4111-8111-111111111111");
    }
}

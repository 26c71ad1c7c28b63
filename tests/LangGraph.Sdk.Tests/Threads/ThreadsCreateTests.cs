using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsCreateTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task CreateAsync_without_options_posts_an_empty_object()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync();

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads");
        request.RawQuery.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().Be("application/json");
        request.Body.Should().Be("{}");
    }

    [Fact]
    public async Task CreateAsync_with_empty_options_posts_an_empty_object()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions());

        SingleRequest().Body.Should().Be("{}");
    }

    [Fact]
    public async Task CreateAsync_sends_thread_id_metadata_and_if_exists()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions
        {
            ThreadId = "t-42",
            Metadata = { ["purpose"] = "t1", ["n"] = 1, ["nested"] = new Dictionary<string, object?> { ["a"] = true }, ["none"] = null },
            IfExists = OnConflictBehavior.DoNothing,
        });

        JsonAssert.Equal(
            """{"thread_id":"t-42","metadata":{"purpose":"t1","n":1,"nested":{"a":true},"none":null},"if_exists":"do_nothing"}""",
            SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_sends_if_exists_raise()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions { IfExists = OnConflictBehavior.Raise });

        JsonAssert.Equal("""{"if_exists":"raise"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_merges_graph_id_into_metadata()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo", Metadata = { ["purpose"] = "t1" } });

        JsonAssert.Equal("""{"metadata":{"purpose":"t1","graph_id":"echo"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_with_only_graph_id_sends_metadata_with_graph_id()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo" });

        JsonAssert.Equal("""{"metadata":{"graph_id":"echo"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_graph_id_wins_over_a_graph_id_metadata_entry()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions { GraphId = "echo", Metadata = { ["graph_id"] = "other" } });

        JsonAssert.Equal("""{"metadata":{"graph_id":"echo"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_sends_supersteps_with_values_command_and_as_node()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();
        var options = new ThreadCreateOptions();
        var first = new ThreadSuperstep();
        first.Updates.Add(new ThreadSuperstepUpdate
        {
            Values = new Dictionary<string, object?> { ["messages"] = new[] { "hi" } },
            Command = new RunCommand { Resume = "yes", Goto = "ask" },
            AsNode = "echo",
        });
        var second = new ThreadSuperstep();
        second.Updates.Add(new ThreadSuperstepUpdate { Values = null, AsNode = "__input__" });
        options.Supersteps.Add(first);
        options.Supersteps.Add(second);

        await client.Threads.CreateAsync(options);

        JsonAssert.Equal(
            """
            {"supersteps":[
              {"updates":[{"values":{"messages":["hi"]},"command":{"goto":"ask","resume":"yes"},"as_node":"echo"}]},
              {"updates":[{"values":null,"as_node":"__input__"}]}
            ]}
            """,
            SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_command_with_update_only_sends_only_update()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();
        var step = new ThreadSuperstep();
        step.Updates.Add(new ThreadSuperstepUpdate { Values = new Dictionary<string, object?> { ["a"] = 1 }, Command = new RunCommand { Update = new Dictionary<string, object?> { ["x"] = 2 } } });
        var options = new ThreadCreateOptions();
        options.Supersteps.Add(step);

        await client.Threads.CreateAsync(options);

        JsonAssert.Equal("""{"supersteps":[{"updates":[{"values":{"a":1},"command":{"update":{"x":2}}}]}]}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_turns_an_int_ttl_into_a_delete_strategy_object()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions { Ttl = 60 });

        JsonAssert.Equal("""{"ttl":{"ttl":60,"strategy":"delete"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_sends_a_ttl_with_its_own_strategy()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions { Ttl = new ThreadTtl(5, "keep_latest") });

        JsonAssert.Equal("""{"ttl":{"ttl":5,"strategy":"keep_latest"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_sends_every_field_together()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();
        var step = new ThreadSuperstep();
        step.Updates.Add(new ThreadSuperstepUpdate { Values = new Dictionary<string, object?> { ["m"] = 1 }, AsNode = "n" });
        var options = new ThreadCreateOptions
        {
            ThreadId = "tid",
            Metadata = { ["k"] = "v" },
            IfExists = "raise",
            GraphId = "g",
            Ttl = ThreadTtl.FromMinutes(3),
        };
        options.Supersteps.Add(step);

        await client.Threads.CreateAsync(options);

        JsonAssert.Equal(
            """{"thread_id":"tid","metadata":{"k":"v","graph_id":"g"},"if_exists":"raise","supersteps":[{"updates":[{"values":{"m":1},"as_node":"n"}]}],"ttl":{"ttl":3,"strategy":"delete"}}""",
            SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_passes_a_JsonElement_metadata_value_through_unchanged()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();
        using var doc = JsonDocument.Parse("""{"deep":[1,{"x":null}]}""");

        await client.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["raw"] = doc.RootElement } });

        JsonAssert.Equal("""{"metadata":{"raw":{"deep":[1,{"x":null}]}}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_returns_the_created_thread()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        var thread = await client.Threads.CreateAsync();

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        thread.Metadata["purpose"].GetString().Should().Be("t1");
    }

    [Fact]
    public async Task CreateAsync_409_plain_text_throws_conflict()
    {
        RespondToAll(409, "Thread already exists", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.CreateAsync(new ThreadCreateOptions { ThreadId = "t1", IfExists = OnConflictBehavior.Raise });

        var ex = (await act.Should().ThrowAsync<LangGraphConflictException>()).Which;
        ex.StatusCode.Should().Be(409);
        ex.Detail.Should().Be("Thread already exists");
        ex.ResponseBody.Should().Be("Thread already exists");
        Requests().Should().HaveCount(1, "a POST is never retried");
    }

    [Fact]
    public void ThreadTtl_refuses_non_positive_minutes()
    {
        var zero = () => new ThreadTtl(0);
        var negative = () => ThreadTtl.FromMinutes(-1);

        zero.Should().Throw<ArgumentOutOfRangeException>();
        negative.Should().Throw<ArgumentOutOfRangeException>();
        ((ThreadTtl)7).Should().Be(new ThreadTtl(7, "delete"));
    }
}

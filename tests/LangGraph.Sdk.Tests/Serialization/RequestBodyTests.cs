using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Serialization;

/// <summary>The request records and the user-value conversion they rely on.</summary>
public class RequestBodyTests
{
    private static readonly JsonSerializerOptions User = LangGraphJsonUtilities.DefaultOptions;

    private static string Write(RunRequest request) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(request, LangGraphJsonContext.Default.RunRequest));

    [Fact]
    public void An_empty_request_is_an_empty_object()
    {
        Write(new RunRequest()).Should().Be("{}");
    }

    [Fact]
    public void A_null_user_value_is_not_sent_but_ElementOrNull_sends_null()
    {
        UserJson.Element(User, null, "input").Should().BeNull();
        UserJson.ElementOrNull(User, null, "values").ValueKind.Should().Be(JsonValueKind.Null);
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(
            new ThreadStateRequest { Values = UserJson.ElementOrNull(User, null, "values") }, LangGraphJsonContext.Default.ThreadStateRequest))
            .Should().Be("""{"values":null}""");
    }

    [Fact]
    public void Dictionaries_keep_user_values_and_null_entries_and_an_empty_one_is_not_sent()
    {
        var values = new Dictionary<string, object?> { ["k"] = 1, ["none"] = null, ["when"] = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) };

        JsonAssert.Equal(
            """{"metadata":{"k":1,"none":null,"when":"2025-01-02T03:04:05+00:00"}}""",
            Write(new RunRequest { Metadata = UserJson.Object(User, values, "metadata") }));
        UserJson.Object(User, new Dictionary<string, object?>(), "metadata").Should().BeNull();
    }

    [Fact]
    public void Command_and_config_leave_out_null_members()
    {
        Write(new RunRequest { Command = RunCommandRequest.From(new RunCommand(), User) }).Should().Be("""{"command":{}}""");
        Write(new RunRequest { Command = RunCommandRequest.From(new RunCommand { Goto = new[] { "a", "b" }, Resume = false }, User) })
            .Should().Be("""{"command":{"goto":["a","b"],"resume":false}}""");
        Write(new RunRequest { Config = RunConfigRequest.From(new RunConfig { RecursionLimit = 5 }, User) })
            .Should().Be("""{"config":{"recursion_limit":5}}""");
    }

    [Fact]
    public void Checkpoint_leaves_out_null_members()
    {
        Write(new RunRequest { Checkpoint = new Checkpoint { ThreadId = "t", CheckpointNs = "" } })
            .Should().Be("""{"checkpoint":{"thread_id":"t","checkpoint_ns":""}}""");
    }

    [Fact]
    public void A_node_list_of_star_is_sent_as_a_star_and_other_lists_as_lists()
    {
        Write(new RunRequest { InterruptBefore = ["*"], InterruptAfter = ["a", "b"] })
            .Should().Be("""{"interrupt_before":"*","interrupt_after":["a","b"]}""");
    }

    [Fact]
    public void JsonElement_and_JsonNode_values_are_written_as_is()
    {
        using var doc = JsonDocument.Parse("""{"Mixed_Case":[1,"two",null]}""");

        var json = Write(new RunRequest
        {
            Input = UserJson.Element(User, doc.RootElement, "input"),
            Context = UserJson.Element(User, System.Text.Json.Nodes.JsonNode.Parse("""{"KeepCase":true}"""), "context"),
        });

        JsonAssert.Equal("""{"input":{"Mixed_Case":[1,"two",null]},"context":{"KeepCase":true}}""", json);
    }

    [Fact]
    public void Anonymous_and_user_types_use_snake_case_by_default()
    {
        Write(new RunRequest { Input = UserJson.Element(User, new { UserName = "alice", MessageCount = 2 }, "input") })
            .Should().Be("""{"input":{"user_name":"alice","message_count":2}}""");
    }

    [Fact]
    public void The_paging_block_leaves_out_empty_sort_values_and_an_empty_selection()
    {
        var paged = SearchRequest.Paged(new CronSearchRequest { Enabled = true }, 10, 0, "", SortOrder.Descending, []);

        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(paged, LangGraphJsonContext.Default.CronSearchRequest))
            .Should().Be("""{"enabled":true,"limit":10,"offset":0,"sort_order":"desc"}""");
    }

    private sealed class UnknownPayload
    {
        public int X { get; set; }
    }

    [Fact]
    public void A_user_value_of_a_type_the_options_do_not_know_is_an_ArgumentException_naming_the_field()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = LangGraphJsonContext.Default };

        var act = () => UserJson.Object(options, new Dictionary<string, object?> { ["p"] = new UnknownPayload() }, "metadata");

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("'metadata.p'").And.Contain(nameof(UnknownPayload));
    }
}

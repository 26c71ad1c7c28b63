using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Serialization;

public class JsonBodyTests
{
    private static string Write(Action<JsonBody> build)
    {
        using var body = new JsonBody(LangGraphJsonUtilities.DefaultOptions);
        build(body);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    [Fact]
    public void An_empty_body_is_an_empty_object()
    {
        Write(_ => { }).Should().Be("{}");
    }

    [Fact]
    public void String_skips_null_but_Value_writes_null()
    {
        Write(b => b.String("a", null).String("b", "x").Value("c", null)).Should().Be("""{"b":"x","c":null}""");
    }

    [Fact]
    public void Numbers_booleans_and_string_lists()
    {
        Write(b => b.Number("n", 10).Boolean("t", true).Boolean("f", false).Strings("s", ["a", "b"]).Strings("e", []))
            .Should().Be("""{"n":10,"t":true,"f":false,"s":["a","b"],"e":[]}""");
    }

    [Fact]
    public void Dictionary_writes_user_values_and_the_extra_entry_last()
    {
        var values = new Dictionary<string, object?> { ["graph_id"] = "dropped", ["k"] = 1, ["when"] = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero) };

        Write(b => b.Dictionary("metadata", values, "graph_id", "kept"))
            .Should().Be("""{"metadata":{"k":1,"when":"2025-01-02T03:04:05+00:00","graph_id":"kept"}}""");
    }

    [Fact]
    public void Command_leaves_out_null_members()
    {
        Write(b => b.Command("command", new RunCommand())).Should().Be("""{"command":{}}""");
        Write(b => b.Command("command", new RunCommand { Goto = new[] { "a", "b" }, Resume = false }))
            .Should().Be("""{"command":{"goto":["a","b"],"resume":false}}""");
    }

    [Fact]
    public void Checkpoint_leaves_out_null_members()
    {
        Write(b => b.Checkpoint("checkpoint", new Checkpoint { ThreadId = "t", CheckpointNs = "" }))
            .Should().Be("""{"checkpoint":{"thread_id":"t","checkpoint_ns":""}}""");
    }

    [Fact]
    public void JsonElement_and_JsonNode_values_are_written_as_is()
    {
        using var doc = JsonDocument.Parse("""{"Mixed_Case":[1,"two",null]}""");

        var json = Write(b => b.Value("raw", doc.RootElement).Value("node", System.Text.Json.Nodes.JsonNode.Parse("""{"KeepCase":true}""")));

        JsonAssert.Equal("""{"raw":{"Mixed_Case":[1,"two",null]},"node":{"KeepCase":true}}""", json);
    }

    [Fact]
    public void Anonymous_and_user_types_use_snake_case_by_default()
    {
        Write(b => b.Value("values", new { UserName = "alice", MessageCount = 2 }))
            .Should().Be("""{"values":{"user_name":"alice","message_count":2}}""");
    }
}

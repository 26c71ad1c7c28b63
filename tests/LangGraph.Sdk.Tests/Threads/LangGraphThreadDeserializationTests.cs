using System;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class LangGraphThreadDeserializationTests
{
    private static LangGraphThread Parse(string json) => JsonSerializer.Deserialize(json, LangGraphJsonContext.Default.LangGraphThread)!;

    [Fact]
    public void A_fresh_thread_from_the_JS_server_has_no_values_or_interrupts()
    {
        var thread = Parse(ServerJson.Thread);

        thread.ThreadId.Should().Be(ServerJson.ThreadId);
        thread.Status.Should().Be(ThreadStatus.Idle);
        thread.Metadata.Should().HaveCount(2);
        thread.Values.Should().BeNull();
        thread.Interrupts.Should().BeNull();
        thread.StateUpdatedAt.Should().BeNull();
        thread.Extracted.Should().BeNull();
    }

    [Fact]
    public void Null_metadata_becomes_an_empty_dictionary()
    {
        var thread = Parse("""{"thread_id":"t","created_at":"2025-01-01T00:00:00Z","updated_at":"2025-01-01T00:00:00Z","metadata":null,"status":"idle"}""");

        thread.Metadata.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void Missing_metadata_is_an_empty_dictionary()
    {
        var thread = Parse("""{"thread_id":"t","status":"idle"}""");

        thread.Metadata.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void Metadata_set_to_null_in_code_becomes_empty()
    {
        var thread = new LangGraphThread { Metadata = null! };

        thread.Metadata.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void An_unknown_status_is_kept()
    {
        var thread = Parse("""{"thread_id":"t","status":"hibernating"}""");

        thread.Status.Value.Should().Be("hibernating");
        thread.Status.Should().NotBe(ThreadStatus.Idle);
        thread.Status.Should().Be((ThreadStatus)"hibernating");
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var thread = Parse("""{"thread_id":"t","status":"busy","brand_new_field":{"a":[1,2]},"another":42,"config":{"configurable":{"x":1}}}""");

        thread.ThreadId.Should().Be("t");
        thread.Status.Should().Be(ThreadStatus.Busy);
        thread.Config!.Value.GetProperty("configurable").GetProperty("x").GetInt32().Should().Be(1);
    }

    [Fact]
    public void A_thread_after_a_run_has_values_interrupts_and_state_updated_at()
    {
        var thread = Parse("""
            {"thread_id":"t","created_at":"2025-10-01T12:00:00Z","updated_at":"2025-10-01T12:00:05Z","state_updated_at":"2025-10-01T12:00:05+02:00",
             "metadata":{"graph_id":"interrupt","assistant_id":"2e6b29d1-4009-5fcc-9319-4cffb1865dfe","owner":"alice"},
             "status":"interrupted","values":{"messages":["start"]},
             "interrupts":{"task-1":[{"id":"abc","value":{"question":"approve?"}}]}}
            """);

        thread.Status.Should().Be(ThreadStatus.Interrupted);
        thread.StateUpdatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 0, 5, TimeSpan.FromHours(2)));
        thread.Values!.Value.GetProperty("messages")[0].GetString().Should().Be("start");
        thread.Interrupts!.Value.GetProperty("task-1")[0].GetProperty("value").GetProperty("question").GetString().Should().Be("approve?");
        thread.Metadata["graph_id"].GetString().Should().Be("interrupt");
    }

    [Fact]
    public void Values_null_is_null()
    {
        var thread = Parse("""{"thread_id":"t","status":"idle","values":null}""");

        thread.Values.Should().BeNull();
    }

    [Fact]
    public void A_thread_round_trips_through_json()
    {
        var thread = Parse(ServerJson.Thread);

        var json = JsonSerializer.Serialize(thread, LangGraphJsonContext.Default.LangGraphThread);
        var again = Parse(json);

        again.ThreadId.Should().Be(thread.ThreadId);
        again.Status.Should().Be(thread.Status);
        again.CreatedAt.Should().Be(thread.CreatedAt);
        again.Metadata.Keys.Should().BeEquivalentTo(thread.Metadata.Keys);
        json.Should().Contain("\"thread_id\"").And.Contain("\"status\":\"idle\"").And.NotContain("\"values\"");
    }
}

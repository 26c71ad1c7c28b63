using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadStateDeserializationTests
{
    private static ThreadState Parse(string json) => JsonSerializer.Deserialize(json, LangGraphJsonContext.Default.ThreadState)!;

    [Fact]
    public void Null_checkpoint_and_created_at_are_null()
    {
        var state = Parse(ServerJson.EmptyState);

        state.Checkpoint.Should().BeNull();
        state.CreatedAt.Should().BeNull();
        state.ParentCheckpoint.Should().BeNull();
        state.Values.ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public void Null_lists_and_metadata_become_empty()
    {
        var state = Parse("""{"values":null,"next":null,"tasks":null,"interrupts":null,"metadata":null}""");

        state.Next.Should().NotBeNull().And.BeEmpty();
        state.Tasks.Should().NotBeNull().And.BeEmpty();
        state.Interrupts.Should().NotBeNull().And.BeEmpty();
        state.Metadata.Should().NotBeNull().And.BeEmpty();
        state.Values.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Tasks_carry_interrupts_with_extra_fields_kept()
    {
        var state = Parse("""
            {"values":{},"next":["ask"],
             "tasks":[{"id":"t","name":"ask","error":"boom","interrupts":[{"id":"i1","value":"why?","when":"during","resumable":true}],
                       "checkpoint":{"checkpoint_ns":"ask:1"},"state":{"values":{"inner":1},"next":[]},"result":null}]}
            """);

        var task = state.Tasks.Should().ContainSingle().Subject;
        task.Error.Should().Be("boom");
        task.Checkpoint!.CheckpointNs.Should().Be("ask:1");
        task.State!.Values.GetProperty("inner").GetInt32().Should().Be(1);
        task.Result.Should().BeNull();
        var interrupt = task.Interrupts.Should().ContainSingle().Subject;
        interrupt.Id.Should().Be("i1");
        interrupt.Value.GetString().Should().Be("why?");
        interrupt.AdditionalProperties!["when"].GetString().Should().Be("during");
        interrupt.AdditionalProperties["resumable"].GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Checkpoint_map_is_read_when_present()
    {
        var state = Parse("""{"values":{},"checkpoint":{"thread_id":"t","checkpoint_ns":"","checkpoint_id":"c","checkpoint_map":{"":"c0"}}}""");

        state.Checkpoint!.CheckpointMap!.Value.GetProperty("").GetString().Should().Be("c0");
        state.Checkpoint.ThreadId.Should().Be("t");
    }

    [Fact]
    public void A_history_list_deserialises()
    {
        var history = JsonSerializer.Deserialize($"[{ServerJson.InterruptedState},{ServerJson.EmptyState}]", LangGraphJsonContext.Default.ListThreadState)!;

        history.Should().HaveCount(2);
        history[0].Next.Should().Equal("ask");
        history[1].Checkpoint.Should().BeNull();
    }

    [Fact]
    public void Checkpoints_serialise_without_null_members()
    {
        var json = JsonSerializer.Serialize(new Checkpoint { CheckpointId = "c" }, LangGraphJsonContext.Default.Checkpoint);

        json.Should().Be("""{"checkpoint_id":"c"}""");
    }

    [Fact]
    public void Prune_and_update_state_results_deserialise()
    {
        JsonSerializer.Deserialize("""{"pruned_count":7}""", LangGraphJsonContext.Default.ThreadPruneResult)!.PrunedCount.Should().Be(7);
        JsonSerializer.Deserialize(ServerJson.UpdateStateResponse, LangGraphJsonContext.Default.ThreadUpdateStateResponse)!
            .Checkpoint!.CheckpointNs.Should().BeEmpty();
    }

    [Fact]
    public void Unknown_state_fields_are_ignored()
    {
        var state = Parse("""{"values":{"a":1},"next":[],"brand_new":[1,2,3],"tasks":[{"id":"x","name":"n","path":["a"],"future":{}}]}""");

        state.Values.GetProperty("a").GetInt32().Should().Be(1);
        state.Tasks.Should().ContainSingle().Which.Name.Should().Be("n");
        IReadOnlyList<string> next = state.Next;
        next.Should().BeEmpty();
    }

    [Fact]
    public void Task_path_is_read_with_its_string_and_number_entries()
    {
        var state = Parse(ServerJson.InterruptedState);
        var push = Parse("""{"values":{},"tasks":[{"id":"x","name":"n","path":["__pregel_push",0,false]}]}""");
        var none = Parse("""{"values":{},"tasks":[{"id":"x","name":"n","path":null}]}""");

        state.Tasks[0].Path.Select(p => p.GetString()).Should().Equal("__pregel_pull", "ask");
        push.Tasks[0].Path.Select(p => p.ValueKind).Should().Equal(JsonValueKind.String, JsonValueKind.Number, JsonValueKind.False);
        none.Tasks[0].Path.Should().NotBeNull().And.BeEmpty();
    }
}

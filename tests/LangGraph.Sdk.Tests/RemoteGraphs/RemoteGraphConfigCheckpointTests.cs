using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.RemoteGraphs;
using LangGraph.Sdk.Serialization;
using static LangGraph.Sdk.Tests.RemoteGraphs.RemoteGraphTestKit;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary>Checkpoints built from configs and back, and thread states turned into snapshots (<see cref="RemoteGraphConfig"/>).</summary>
public class RemoteGraphConfigCheckpointTests
{
    private static ThreadState State(string json) => JsonSerializer.Deserialize(json, LangGraphJsonContext.Default.ThreadState)!;

    [Fact]
    public void ToCheckpoint_reads_thread_namespace_id_and_a_json_map_from_configurable()
    {
        var config = new RunConfig
        {
            Configurable =
            {
                ["thread_id"] = "t1",
                ["checkpoint_ns"] = "",
                ["checkpoint_id"] = "c1",
                ["checkpoint_map"] = Json("{\"\":\"c1\",\"inner:1\":\"c2\"}"),
                ["model"] = "ignored",
            },
        };

        var checkpoint = RemoteGraphConfig.ToCheckpoint(config)!;

        checkpoint.ThreadId.Should().Be("t1");
        checkpoint.CheckpointNs.Should().Be("");
        checkpoint.CheckpointId.Should().Be("c1");
        Compact(checkpoint.CheckpointMap!.Value).Should().Be("{\"\":\"c1\",\"inner:1\":\"c2\"}");
    }

    [Fact]
    public void ToCheckpoint_reads_a_dictionary_map_and_a_guid_thread()
    {
        var thread = Guid.NewGuid();
        var config = new RunConfig
        {
            Configurable =
            {
                ["thread_id"] = thread,
                ["checkpoint_map"] = new Dictionary<string, string> { [""] = "c1", ["inner:1"] = "c2" },
            },
        };

        var checkpoint = RemoteGraphConfig.ToCheckpoint(config)!;

        checkpoint.ThreadId.Should().Be(thread.ToString());
        checkpoint.CheckpointNs.Should().BeNull();
        checkpoint.CheckpointId.Should().BeNull();
        Compact(checkpoint.CheckpointMap!.Value).Should().Be("{\"\":\"c1\",\"inner:1\":\"c2\"}");
    }

    [Fact]
    public void ToCheckpoint_reads_an_object_dictionary_map_of_strings()
    {
        var config = new RunConfig { Configurable = { ["checkpoint_map"] = new Dictionary<string, object?> { ["ns"] = "c9" } } };

        Compact(RemoteGraphConfig.ToCheckpoint(config)!.CheckpointMap!.Value).Should().Be("{\"ns\":\"c9\"}");
    }

    [Fact]
    public void ToCheckpoint_reads_json_string_values()
    {
        var config = new RunConfig { Configurable = { ["thread_id"] = Json("\"t1\""), ["checkpoint_id"] = Json("\"c1\"") } };

        var checkpoint = RemoteGraphConfig.ToCheckpoint(config)!;

        checkpoint.ThreadId.Should().Be("t1");
        checkpoint.CheckpointId.Should().Be("c1");
    }

    [Fact]
    public void ToCheckpoint_is_null_when_the_config_names_no_checkpoint()
    {
        RemoteGraphConfig.ToCheckpoint(null).Should().BeNull();
        RemoteGraphConfig.ToCheckpoint(new RunConfig()).Should().BeNull();
        RemoteGraphConfig.ToCheckpoint(new RunConfig { Configurable = { ["model"] = "m", ["thread_id"] = "" } }).Should().BeNull();
    }

    [Fact]
    public void ToCheckpoint_refuses_a_map_that_is_not_an_object_of_strings()
    {
        var act = () => RemoteGraphConfig.ToCheckpoint(new RunConfig { Configurable = { ["checkpoint_map"] = 3 } });

        act.Should().Throw<ArgumentException>().WithMessage("*checkpoint_map*");
    }

    [Fact]
    public void FromCheckpoint_builds_a_config_pointing_at_the_checkpoint()
    {
        var config = RemoteGraphConfig.FromCheckpoint(new Checkpoint { ThreadId = "t1", CheckpointId = "c1", CheckpointMap = Json("{\"a\":\"b\"}") })!;

        config.Configurable["thread_id"].Should().Be("t1");
        config.Configurable["checkpoint_ns"].Should().Be("", "a missing namespace is the root's");
        config.Configurable["checkpoint_id"].Should().Be("c1");
        Compact((JsonElement)config.Configurable["checkpoint_map"]!).Should().Be("{\"a\":\"b\"}");
        config.Tags.Should().BeNull();
        config.Metadata.Should().BeEmpty();
    }

    [Fact]
    public void FromCheckpoint_leaves_out_a_missing_map_and_is_null_for_no_checkpoint()
    {
        var config = RemoteGraphConfig.FromCheckpoint(new Checkpoint { ThreadId = "t1", CheckpointNs = "inner:1", CheckpointId = "c1", CheckpointMap = Json("null") })!;

        config.Configurable.Keys.Should().BeEquivalentTo("thread_id", "checkpoint_ns", "checkpoint_id");
        config.Configurable["checkpoint_ns"].Should().Be("inner:1");
        RemoteGraphConfig.FromCheckpoint(null).Should().BeNull();
    }

    [Fact]
    public void FromCheckpoint_and_ToCheckpoint_round_trip()
    {
        var checkpoint = new Checkpoint { ThreadId = "t1", CheckpointNs = "inner:1", CheckpointId = "c1" };

        RemoteGraphConfig.ToCheckpoint(RemoteGraphConfig.FromCheckpoint(checkpoint)).Should().Be(checkpoint);
    }

    [Fact]
    public void RequireThreadId_returns_the_thread_id()
    {
        RemoteGraphConfig.RequireThreadId(new RunConfig { Configurable = { ["thread_id"] = "t1" } }, "config").Should().Be("t1");
    }

    [Fact]
    public void RequireThreadId_explains_that_state_belongs_to_a_thread()
    {
        foreach (var config in new[] { null, new RunConfig(), new RunConfig { Configurable = { ["thread_id"] = "" } }, new RunConfig { Configurable = { ["thread_id"] = null } } })
        {
            var act = () => RemoteGraphConfig.RequireThreadId(config, "config");

            act.Should().Throw<ArgumentException>()
                .WithMessage("The config has no configurable[\"thread_id\"]: a remote graph's state belongs to a thread.*")
                .Which.ParamName.Should().Be("config");
        }
    }

    private const string FullState =
        "{\"values\":{\"messages\":[\"hi\"]},\"next\":[\"inner\"]," +
        "\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c2\"}," +
        "\"metadata\":{\"step\":2,\"source\":\"loop\"},\"created_at\":\"2026-01-02T03:04:05+00:00\"," +
        "\"parent_checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"\",\"checkpoint_id\":\"c1\"}," +
        "\"tasks\":[" +
        "{\"id\":\"task-a\",\"name\":\"inner\",\"error\":null,\"interrupts\":[{\"value\":\"approve?\",\"id\":\"i1\"}]," +
        "\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"inner:task-a\",\"checkpoint_id\":\"sub-c\"}," +
        "\"state\":{\"values\":{\"inner\":1},\"next\":[\"leaf\"],\"checkpoint\":{\"thread_id\":\"t1\",\"checkpoint_ns\":\"inner:task-a\",\"checkpoint_id\":\"sub-c\"},\"metadata\":{},\"tasks\":[]}," +
        "\"result\":null}," +
        "{\"id\":\"task-b\",\"name\":\"failing\",\"error\":\"ValueError('bad')\",\"interrupts\":[],\"result\":{\"x\":1}}]," +
        "\"interrupts\":[{\"value\":\"approve?\",\"id\":\"i1\"},{\"value\":\"top only\",\"id\":\"i2\"}]}";

    [Fact]
    public void ToSnapshot_maps_values_next_configs_metadata_and_time()
    {
        var snapshot = RemoteGraphConfig.ToSnapshot(State(FullState));

        Compact(snapshot.Values).Should().Be("{\"messages\":[\"hi\"]}");
        snapshot.Next.Should().Equal("inner");
        snapshot.Config.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["thread_id"] = "t1", ["checkpoint_ns"] = "", ["checkpoint_id"] = "c2" });
        snapshot.ParentConfig!.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["thread_id"] = "t1", ["checkpoint_ns"] = "", ["checkpoint_id"] = "c1" });
        snapshot.Metadata["step"].GetInt32().Should().Be(2);
        snapshot.Metadata["source"].GetString().Should().Be("loop");
        snapshot.CreatedAt.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }

    [Fact]
    public void ToSnapshot_maps_tasks_with_errors_interrupts_results_nested_state_and_state_config()
    {
        var snapshot = RemoteGraphConfig.ToSnapshot(State(FullState));

        snapshot.Tasks.Should().HaveCount(2);
        var inner = snapshot.Tasks[0];
        inner.Id.Should().Be("task-a");
        inner.Name.Should().Be("inner");
        inner.Error.Should().BeNull();
        inner.Interrupts.Should().ContainSingle().Which.Id.Should().Be("i1");
        inner.Interrupts[0].Value.GetString().Should().Be("approve?");
        inner.StateConfig!.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["thread_id"] = "t1", ["checkpoint_ns"] = "inner:task-a", ["checkpoint_id"] = "sub-c" });
        var nested = inner.State.Should().BeOfType<StateSnapshot>().Subject;
        Compact(nested.Values).Should().Be("{\"inner\":1}");
        nested.Next.Should().Equal("leaf");
        nested.Config.Configurable["checkpoint_ns"].Should().Be("inner:task-a");
        nested.ParentConfig.Should().BeNull();
        inner.Result.Should().BeNull();

        var failing = snapshot.Tasks[1];
        failing.Error.Should().Be("ValueError('bad')");
        failing.Interrupts.Should().BeEmpty();
        failing.State.Should().BeNull();
        failing.StateConfig.Should().BeNull();
        Compact(failing.Result!.Value).Should().Be("{\"x\":1}");
    }

    [Fact]
    public void ToSnapshot_collects_task_interrupts_and_top_level_ones_once_each()
    {
        var snapshot = RemoteGraphConfig.ToSnapshot(State(FullState));

        snapshot.Interrupts.Select(i => i.Id).Should().Equal("i1", "i2");
        snapshot.Interrupts.Select(i => i.Value.GetString()).Should().Equal("approve?", "top only");
    }

    [Fact]
    public void ToSnapshot_collects_the_interrupts_of_every_task()
    {
        var state = State(
            "{\"values\":{},\"tasks\":[{\"id\":\"a\",\"name\":\"a\",\"interrupts\":[{\"value\":1,\"id\":\"i1\"}]},{\"id\":\"b\",\"name\":\"b\",\"interrupts\":[{\"value\":2,\"id\":\"i2\"},{\"value\":3,\"id\":\"i3\"}]}]}");

        RemoteGraphConfig.ToSnapshot(state).Interrupts.Select(i => i.Id).Should().Equal("i1", "i2", "i3");
    }

    [Fact]
    public void ToSnapshot_does_not_duplicate_interrupts_without_ids()
    {
        // Servers on LangGraph before 0.6 send interrupts without an id ({value, resumable, ns, when}); the top-level
        // list repeats the tasks' interrupts.
        var state = State(
            "{\"values\":{},\"tasks\":[{\"id\":\"a\",\"name\":\"ask\",\"interrupts\":[{\"value\":\"approve?\",\"resumable\":true,\"ns\":[\"ask:a\"],\"when\":\"during\"}]}]," +
            "\"interrupts\":[{\"value\":\"approve?\",\"resumable\":true,\"ns\":[\"ask:a\"],\"when\":\"during\"}]}");

        var snapshot = RemoteGraphConfig.ToSnapshot(state);

        snapshot.Interrupts.Should().ContainSingle("the top-level interrupt is the task's own one");
    }

    [Fact]
    public void ToSnapshot_of_a_state_without_checkpoint_has_an_empty_config()
    {
        var snapshot = RemoteGraphConfig.ToSnapshot(State("{\"values\":{\"a\":1}}"));

        snapshot.Config.Should().NotBeNull();
        snapshot.Config.Configurable.Should().BeEmpty();
        snapshot.ParentConfig.Should().BeNull();
        snapshot.Tasks.Should().BeEmpty();
        snapshot.Interrupts.Should().BeEmpty();
        snapshot.Metadata.Should().BeEmpty();
        snapshot.CreatedAt.Should().BeNull();
    }
}

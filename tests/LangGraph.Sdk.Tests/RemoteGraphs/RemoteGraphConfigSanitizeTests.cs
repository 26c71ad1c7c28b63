using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.RemoteGraphs;
using Microsoft.Extensions.DependencyInjection;
using static LangGraph.Sdk.Tests.RemoteGraphs.RemoteGraphTestKit;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary>Sanitising a merged config for a run (Python's <c>_sanitize_config</c> plus the thread id taken out): <see cref="RemoteGraphConfig.ForRun"/>.</summary>
public class RemoteGraphConfigSanitizeTests
{
    private enum Color
    {
        Red,
        Blue,
    }

    private sealed record Person(string Name, int Age);

    private sealed class Disposable : IDisposable
    {
        public void Dispose()
        {
        }
    }

    [Fact]
    public void ForRun_of_null_is_null_and_stateless()
    {
        RemoteGraphConfig.ForRun(null, out var threadId).Should().BeNull();
        threadId.Should().BeNull();
    }

    [Fact]
    public void ForRun_keeps_tags_recursion_limit_metadata_and_configurable()
    {
        var config = new RunConfig
        {
            Tags = ["a", "b"],
            RecursionLimit = 40,
            Metadata = { ["source"] = "test", ["n"] = 2 },
            Configurable = { ["model"] = "large", ["temperature"] = 0.5 },
        };

        var result = RemoteGraphConfig.ForRun(config, out var threadId)!;

        threadId.Should().BeNull();
        result.Should().NotBeSameAs(config);
        result.Tags.Should().Equal("a", "b");
        result.RecursionLimit.Should().Be(40);
        result.Metadata.Should().BeEquivalentTo(new Dictionary<string, object?> { ["source"] = "test", ["n"] = 2 });
        result.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["model"] = "large", ["temperature"] = 0.5 });
    }

    [Fact]
    public void ForRun_removes_checkpoint_keys_and_pregel_internals_from_configurable()
    {
        var config = new RunConfig
        {
            Configurable =
            {
                ["checkpoint_id"] = "c1",
                ["checkpoint_ns"] = "inner:1",
                ["checkpoint_map"] = new Dictionary<string, string> { [""] = "c0" },
                ["__pregel_task_id"] = "task",
                ["__pregel_send"] = "send",
                ["model"] = "kept",
                ["pregel_not_internal"] = "kept too",
            },
        };

        var result = RemoteGraphConfig.ForRun(config, out _)!;

        result.Configurable.Keys.Should().BeEquivalentTo("model", "pregel_not_internal");
        config.Configurable.Should().HaveCount(7, "the input is not changed");
    }

    [Fact]
    public void ForRun_keeps_checkpoint_named_keys_in_metadata()
    {
        var config = new RunConfig { Metadata = { ["checkpoint_id"] = "c1" } };

        RemoteGraphConfig.ForRun(config, out _)!.Metadata.Should().ContainKey("checkpoint_id");
    }

    public static TheoryData<object, string> ThreadIds() => new()
    {
        { "t-1", "t-1" },
        { new Guid("a8c26e6e-3c35-4c2b-9d2c-6b2f9e6a1f10"), "a8c26e6e-3c35-4c2b-9d2c-6b2f9e6a1f10" },
        { Json("\"t-json\""), "t-json" },
    };

    [Theory]
    [MemberData(nameof(ThreadIds))]
    public void ForRun_takes_the_thread_id_out_of_configurable(object thread, string expected)
    {
        var config = new RunConfig { Configurable = { ["thread_id"] = thread, ["model"] = "m" } };

        var result = RemoteGraphConfig.ForRun(config, out var threadId)!;

        threadId.Should().Be(expected);
        result.Configurable.Should().NotContainKey("thread_id");
        result.Configurable.Should().ContainKey("model");
        config.Configurable.Should().ContainKey("thread_id", "the input is not changed");
    }

    [Fact]
    public void ForRun_with_only_a_thread_id_returns_null_and_the_thread()
    {
        var config = new RunConfig { Configurable = { ["thread_id"] = "t1", ["checkpoint_id"] = "c1" } };

        RemoteGraphConfig.ForRun(config, out var threadId).Should().BeNull();
        threadId.Should().Be("t1");
    }

    [Fact]
    public void ForRun_refuses_an_empty_thread_id_rather_than_running_stateless()
    {
        // An id left empty by a bug would otherwise lose the conversation silently (Python posts to /threads//runs/stream).
        var config = new RunConfig { Configurable = { ["thread_id"] = "", ["model"] = "m" } };

        var act = () => RemoteGraphConfig.ForRun(config, out _);

        act.Should().Throw<ArgumentException>().WithMessage("*thread_id*empty*stateless*");
    }

    [Fact]
    public void ForRun_treats_a_null_thread_id_as_stateless()
    {
        var config = new RunConfig { Configurable = { ["thread_id"] = null } };

        RemoteGraphConfig.ForRun(config, out var threadId).Should().BeNull();
        threadId.Should().BeNull();
    }

    [Fact]
    public void ForRun_refuses_a_thread_id_that_is_not_a_string()
    {
        var config = new RunConfig { Configurable = { ["thread_id"] = 42 } };

        var act = () => RemoteGraphConfig.ForRun(config, out _);

        act.Should().Throw<ArgumentException>().WithMessage("*thread_id*Int32*");
    }

    [Fact]
    public void ForRun_drops_nulls_and_values_that_are_not_data()
    {
        using var stream = new MemoryStream();
        using var cts = new CancellationTokenSource();
        using var services = new ServiceCollection().BuildServiceProvider();
        using var disposable = new Disposable();
        var config = new RunConfig
        {
            Metadata =
            {
                ["null"] = null,
                ["callback"] = new Action(() => { }),
                ["func"] = new Func<int>(() => 1),
                ["token"] = CancellationToken.None,
                ["task"] = Task.CompletedTask,
                ["value_task"] = ValueTask.FromResult(1),
                ["stream"] = stream,
                ["services"] = services,
                ["disposable"] = disposable,
                ["cts"] = cts,
                ["type"] = typeof(string),
                ["json_null"] = Json("null"),
                ["kept"] = "yes",
            },
            Configurable =
            {
                ["null"] = null,
                ["callback"] = new Action(() => { }),
                ["services"] = (IServiceProvider)services,
                ["kept"] = 1,
            },
        };

        var result = RemoteGraphConfig.ForRun(config, out _)!;

        result.Metadata.Keys.Should().Equal("kept");
        result.Configurable.Keys.Should().Equal("kept");
    }

    [Fact]
    public void ForRun_returns_null_when_nothing_is_left()
    {
        var config = new RunConfig
        {
            Tags = [],
            Metadata = { ["callback"] = new Action(() => { }) },
            Configurable = { ["checkpoint_id"] = "c1", ["__pregel_task_id"] = "x", ["null"] = null },
        };

        RemoteGraphConfig.ForRun(config, out var threadId).Should().BeNull();
        threadId.Should().BeNull();
        RemoteGraphConfig.ForRun(new RunConfig(), out _).Should().BeNull();
    }

    [Fact]
    public void ForRun_drops_null_tags()
    {
        var config = new RunConfig { Tags = ["a", null!, "b"] };

        RemoteGraphConfig.ForRun(config, out _)!.Tags.Should().Equal("a", "b");
        RemoteGraphConfig.ForRun(new RunConfig { Tags = [null!] }, out _).Should().BeNull();
    }

    [Fact]
    public void ForRun_rebuilds_nested_dictionaries_and_lists_without_values_that_are_not_data()
    {
        var config = new RunConfig
        {
            Configurable =
            {
                ["nested"] = new Dictionary<string, object?>
                {
                    ["keep"] = "a",
                    ["drop"] = new Action(() => { }),
                    ["null"] = null,
                    ["deeper"] = new Hashtable { ["keep"] = 1, ["drop"] = Task.CompletedTask },
                },
                ["list"] = new List<object?> { 1, null, new Func<int>(() => 2), "two", new object?[] { Task.CompletedTask, 3 } },
            },
        };

        var result = RemoteGraphConfig.ForRun(config, out _)!;

        var nested = result.Configurable["nested"].Should().BeAssignableTo<IDictionary<string, object?>>().Subject;
        nested.Keys.Should().BeEquivalentTo("keep", "deeper");
        nested["keep"].Should().Be("a");
        nested["deeper"].Should().BeAssignableTo<IDictionary<string, object?>>().Which.Should().BeEquivalentTo(new Dictionary<string, object?> { ["keep"] = 1 });
        var list = result.Configurable["list"].Should().BeAssignableTo<IList<object?>>().Subject;
        list.Should().HaveCount(3);
        list[0].Should().Be(1);
        list[1].Should().Be("two");
        list[2].Should().BeAssignableTo<IList<object?>>().Which.Should().Equal(3);
    }

    [Fact]
    public void ForRun_drops_the_cycle_of_a_self_referencing_dictionary()
    {
        var loop = new Dictionary<string, object?> { ["name"] = "loop" };
        loop["self"] = loop;
        var config = new RunConfig { Metadata = { ["loop"] = loop } };

        var result = RemoteGraphConfig.ForRun(config, out _)!;

        var clean = result.Metadata["loop"].Should().BeAssignableTo<IDictionary<string, object?>>().Subject;
        clean.Keys.Should().Equal("name");
        JsonSerializer.Serialize(clean).Should().Be("{\"name\":\"loop\"}");
    }

    [Fact]
    public void ForRun_drops_the_cycle_of_a_self_referencing_list()
    {
        var loop = new List<object?> { "a" };
        loop.Add(loop);
        var config = new RunConfig { Configurable = { ["loop"] = loop } };

        var result = RemoteGraphConfig.ForRun(config, out _)!;

        result.Configurable["loop"].Should().BeAssignableTo<IList<object?>>().Which.Should().Equal("a");
    }

    [Fact]
    public void ForRun_keeps_a_value_shared_by_metadata_and_configurable()
    {
        var shared = new Dictionary<string, object?> { ["k"] = "v" };
        var config = new RunConfig { Metadata = { ["shared"] = shared, ["again"] = shared }, Configurable = { ["shared"] = shared } };

        var result = RemoteGraphConfig.ForRun(config, out _)!;

        result.Metadata.Keys.Should().BeEquivalentTo("shared", "again");
        result.Configurable.Keys.Should().Equal("shared");
    }

    [Fact]
    public void ForRun_keeps_primitives_and_data_values()
    {
        var guid = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var element = Json("{\"a\":[1,2]}");
        var node = JsonNode.Parse("{\"b\":true}")!;
        var anonymous = new { name = "anon", count = 2 };
        var record = new Person("Ada", 36);
        var config = new RunConfig
        {
            Configurable =
            {
                ["string"] = "s",
                ["int"] = 1,
                ["long"] = 2L,
                ["double"] = 1.5,
                ["decimal"] = 2.5m,
                ["bool"] = false,
                ["guid"] = guid,
                ["when"] = when,
                ["enum"] = Color.Blue,
                ["element"] = element,
                ["node"] = node,
                ["anonymous"] = anonymous,
                ["record"] = record,
                ["uri"] = new Uri("https://example.com"),
            },
        };

        var result = RemoteGraphConfig.ForRun(config, out _)!;

        result.Configurable.Keys.Should().BeEquivalentTo(config.Configurable.Keys);
        result.Configurable["string"].Should().Be("s");
        result.Configurable["int"].Should().Be(1);
        result.Configurable["bool"].Should().Be(false);
        result.Configurable["guid"].Should().Be(guid);
        result.Configurable["when"].Should().Be(when);
        result.Configurable["enum"].Should().Be(Color.Blue);
        ((JsonElement)result.Configurable["element"]!).GetRawText().Should().Be("{\"a\":[1,2]}");
        result.Configurable["node"].Should().BeSameAs(node);
        result.Configurable["anonymous"].Should().BeSameAs(anonymous);
        result.Configurable["record"].Should().BeSameAs(record);
    }

    [Fact]
    public void ForRun_turns_a_json_document_into_a_standalone_element()
    {
        JsonElement kept;
        using (var document = JsonDocument.Parse("{\"a\":1}"))
        {
            kept = (JsonElement)RemoteGraphConfig.ForRun(new RunConfig { Metadata = { ["doc"] = document } }, out _)!.Metadata["doc"]!;
        }

        kept.GetProperty("a").GetInt32().Should().Be(1);
    }

    [Fact]
    public void ForRun_keeps_string_arrays_as_lists_of_their_items()
    {
        var config = new RunConfig { Metadata = { ["names"] = new[] { "a", "b" } } };

        var names = RemoteGraphConfig.ForRun(config, out _)!.Metadata["names"];

        names.Should().BeAssignableTo<IEnumerable<object?>>().Which.Cast<string>().Should().Equal("a", "b");
    }
}

using System.Collections.Generic;
using FluentAssertions;
using LangGraph.Sdk.RemoteGraphs;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.RemoteGraphs;

/// <summary>Config merging (LangGraph's <c>merge_configs</c>): <see cref="RemoteGraphConfig.Merge"/>, <see cref="RemoteGraph.WithConfig"/> and <see cref="RemoteGraph.Config"/>.</summary>
public class RemoteGraphConfigMergeTests
{
    [Fact]
    public void Merge_of_nothing_is_null()
    {
        RemoteGraphConfig.Merge().Should().BeNull();
        RemoteGraphConfig.Merge(null, null).Should().BeNull();
    }

    [Fact]
    public void Merge_merges_metadata_with_later_keys_winning()
    {
        var first = new RunConfig { Metadata = { ["a"] = 1, ["shared"] = "first" } };
        var second = new RunConfig { Metadata = { ["b"] = 2, ["shared"] = "second" } };

        var merged = RemoteGraphConfig.Merge(first, second)!;

        merged.Metadata.Should().BeEquivalentTo(new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2, ["shared"] = "second" });
    }

    [Fact]
    public void Merge_concatenates_tags_keeping_order_and_duplicates()
    {
        var first = new RunConfig { Tags = ["x", "y"] };
        var second = new RunConfig { Tags = ["y", "z"] };
        var third = new RunConfig { Tags = ["x"] };

        var merged = RemoteGraphConfig.Merge(first, null, second, new RunConfig(), third)!;

        merged.Tags.Should().Equal("x", "y", "y", "z", "x");
    }

    [Fact]
    public void Merge_takes_tags_from_the_only_config_that_has_them_as_a_new_list()
    {
        var only = new RunConfig { Tags = ["x"] };

        var merged = RemoteGraphConfig.Merge(new RunConfig(), only)!;
        merged.Tags!.Add("added");

        merged.Tags.Should().Equal("x", "added");
        only.Tags.Should().Equal("x");
    }

    [Fact]
    public void Merge_merges_configurable_with_later_keys_winning()
    {
        var first = new RunConfig { Configurable = { ["thread_id"] = "t1", ["model"] = "small" } };
        var second = new RunConfig { Configurable = { ["model"] = "large", ["user"] = "alice" } };

        var merged = RemoteGraphConfig.Merge(first, second)!;

        merged.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["thread_id"] = "t1", ["model"] = "large", ["user"] = "alice" });
    }

    [Fact]
    public void Merge_lets_a_later_non_default_recursion_limit_replace_an_earlier_one()
    {
        var merged = RemoteGraphConfig.Merge(new RunConfig { RecursionLimit = 50 }, new RunConfig { RecursionLimit = 7 })!;

        merged.RecursionLimit.Should().Be(7);
    }

    [Fact]
    public void Merge_does_not_let_a_later_default_recursion_limit_replace_an_earlier_one()
    {
        var merged = RemoteGraphConfig.Merge(new RunConfig { RecursionLimit = 50 }, new RunConfig { RecursionLimit = RemoteGraphConfig.DefaultRecursionLimit })!;

        RemoteGraphConfig.DefaultRecursionLimit.Should().Be(25);
        merged.RecursionLimit.Should().Be(50);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(null)]
    public void Merge_skips_a_zero_or_missing_recursion_limit(int? later)
    {
        var merged = RemoteGraphConfig.Merge(new RunConfig { RecursionLimit = 50 }, new RunConfig { RecursionLimit = later })!;

        merged.RecursionLimit.Should().Be(50);
    }

    [Fact]
    public void Merge_of_a_lone_default_recursion_limit_leaves_it_unset()
    {
        RemoteGraphConfig.Merge(new RunConfig { RecursionLimit = 25 })!.RecursionLimit.Should().BeNull();
    }

    [Fact]
    public void Merge_does_not_change_its_inputs()
    {
        var first = new RunConfig { Tags = ["a"], RecursionLimit = 50, Metadata = { ["m"] = 1 }, Configurable = { ["c"] = "first" } };
        var second = new RunConfig { Tags = ["b"], RecursionLimit = 7, Metadata = { ["m"] = 2, ["n"] = 3 }, Configurable = { ["c"] = "second", ["d"] = true } };

        var merged = RemoteGraphConfig.Merge(first, second)!;
        merged.Tags!.Add("later");
        merged.Metadata["added"] = true;
        merged.Configurable["added"] = true;

        merged.Should().NotBeSameAs(first).And.NotBeSameAs(second);
        first.Tags.Should().Equal("a");
        first.RecursionLimit.Should().Be(50);
        first.Metadata.Should().BeEquivalentTo(new Dictionary<string, object?> { ["m"] = 1 });
        first.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["c"] = "first" });
        second.Tags.Should().Equal("b");
        second.RecursionLimit.Should().Be(7);
        second.Metadata.Should().BeEquivalentTo(new Dictionary<string, object?> { ["m"] = 2, ["n"] = 3 });
        second.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["c"] = "second", ["d"] = true });
    }

    [Fact]
    public void Copy_keeps_every_member_including_a_default_recursion_limit_in_new_collections()
    {
        var config = new RunConfig { Tags = ["a"], RecursionLimit = 25, Metadata = { ["m"] = 1 }, Configurable = { ["c"] = "x" } };

        var copy = RemoteGraphConfig.Copy(config)!;
        copy.Tags!.Add("b");
        copy.Metadata["n"] = 2;
        copy.Configurable["d"] = "y";

        copy.RecursionLimit.Should().Be(25);
        config.Tags.Should().Equal("a");
        config.Metadata.Should().ContainSingle();
        config.Configurable.Should().ContainSingle();
        RemoteGraphConfig.Copy(null).Should().BeNull();
    }

    [Fact]
    public void WithConfig_returns_a_new_graph_with_the_merged_config_sharing_the_client()
    {
        using var client = TestClients.Create("http://server");
        using var graph = new RemoteGraph("agent", client, new RemoteGraphOptions
        {
            Name = "named",
            Config = new RunConfig { Tags = ["base"], RecursionLimit = 50, Metadata = { ["m"] = 1 }, Configurable = { ["model"] = "small" } },
        });

        using var derived = graph.WithConfig(new RunConfig { Tags = ["extra"], RecursionLimit = 25, Metadata = { ["n"] = 2 }, Configurable = { ["model"] = "large" } });

        derived.Should().NotBeSameAs(graph);
        derived.Client.Should().BeSameAs(client);
        derived.AssistantId.Should().Be("agent");
        derived.Name.Should().Be("named");
        var config = derived.Config!;
        config.Tags.Should().Equal("base", "extra");
        config.RecursionLimit.Should().Be(50);
        config.Metadata.Should().BeEquivalentTo(new Dictionary<string, object?> { ["m"] = 1, ["n"] = 2 });
        config.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["model"] = "large" });

        var original = graph.Config!;
        original.Tags.Should().Equal("base");
        original.Metadata.Should().BeEquivalentTo(new Dictionary<string, object?> { ["m"] = 1 });
        original.Configurable.Should().BeEquivalentTo(new Dictionary<string, object?> { ["model"] = "small" });
    }

    [Fact]
    public void WithConfig_of_null_copies_the_graph_with_the_same_config()
    {
        using var client = TestClients.Create("http://server");
        using var graph = new RemoteGraph("agent", client, new RemoteGraphOptions { Config = new RunConfig { Tags = ["base"] } });

        using var copy = graph.WithConfig(null);

        copy.Should().NotBeSameAs(graph);
        copy.Config!.Tags.Should().Equal("base");
    }

    [Fact]
    public void WithConfig_on_a_graph_without_config_gives_the_new_config()
    {
        using var client = TestClients.Create("http://server");
        using var graph = new RemoteGraph("agent", client);

        graph.Config.Should().BeNull();
        using var derived = graph.WithConfig(new RunConfig { Configurable = { ["thread_id"] = "t1" } });

        derived.Config!.Configurable["thread_id"].Should().Be("t1");
        graph.Config.Should().BeNull();
    }

    [Fact]
    public void Config_returns_a_copy_that_does_not_change_the_graph()
    {
        using var client = TestClients.Create("http://server");
        var options = new RemoteGraphOptions { Config = new RunConfig { Tags = ["base"], Metadata = { ["m"] = 1 }, Configurable = { ["model"] = "small" } } };
        using var graph = new RemoteGraph("agent", client, options);

        var copy = graph.Config!;
        copy.Tags!.Add("mutated");
        copy.Metadata["m"] = 99;
        copy.Configurable["model"] = "mutated";
        copy.RecursionLimit = 3;

        graph.Config.Should().NotBeSameAs(copy);
        graph.Config!.Tags.Should().Equal("base");
        graph.Config!.Metadata["m"].Should().Be(1);
        graph.Config!.Configurable["model"].Should().Be("small");
        graph.Config!.RecursionLimit.Should().BeNull();
    }

    [Fact]
    public void The_constructor_copies_the_options_config()
    {
        using var client = TestClients.Create("http://server");
        var options = new RemoteGraphOptions { Config = new RunConfig { Configurable = { ["model"] = "small" } } };
        using var graph = new RemoteGraph("agent", client, options);

        options.Config.Configurable["model"] = "changed later";

        graph.Config!.Configurable["model"].Should().Be("small");
    }
}

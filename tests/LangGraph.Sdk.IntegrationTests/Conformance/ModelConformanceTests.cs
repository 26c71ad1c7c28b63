using System.Collections.Generic;
using System.Text.Json;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Conformance;

/// <summary>The key walk itself: it must find what a model misses, and leave the user's free-form data alone.</summary>
public sealed class ModelConformanceTests
{
    [Fact]
    public void Finds_unmapped_members_in_nested_models_lists_and_dictionaries()
    {
        var json = JsonDocument.Parse("""
            {"values":{"free":{"form":1}},"next":[],"metadata":{"anything":{"goes":true}},"surprise":1,
             "checkpoint":{"thread_id":"t","checkpoint_ns":"","checkpoint_id":"c","unknown_cp":1},
             "tasks":[{"id":"1","name":"n","interrupts":[{"id":"i","value":{"x":1},"when":"during"}],"result":{"r":1},
                       "state":{"values":{},"next":[],"deep":true}}]}
            """).RootElement;

        var unmapped = ModelConformance.UnmappedMembers(json, typeof(ThreadState));

        unmapped.Should().BeEquivalentTo(
            "ThreadState.surprise (at $.surprise)",
            "Checkpoint.unknown_cp (at $.checkpoint.unknown_cp)",
            "ThreadState.deep (at $.tasks[0].state.deep)");
    }

    [Fact]
    public void Walks_the_values_of_a_dictionary_of_models()
    {
        var json = JsonDocument.Parse("""{"child":{"state":{},"input":{},"output":{},"config":{},"extra":{}}}""").RootElement;

        ModelConformance.UnmappedMembers(json, typeof(Dictionary<string, GraphSchema>)).Should().Equal("GraphSchema.extra (at $[\"child\"].extra)");
    }
}

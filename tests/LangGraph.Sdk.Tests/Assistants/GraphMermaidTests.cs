using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FluentAssertions;

namespace LangGraph.Sdk.Tests.Assistants;

/// <summary><see cref="AssistantGraph.ToMermaid"/>: LangGraph's <c>draw_mermaid</c> style, exact text.</summary>
public class GraphMermaidTests
{
    private const string Header = "---\nconfig:\n  flowchart:\n    curve: linear\n---\ngraph TD;\n";
    private const string Footer = "\tclassDef default fill:#f2f0ff,line-height:1.2\n\tclassDef first fill-opacity:0\n\tclassDef last fill:#bfb6fc\n";

    private static JsonElement Data(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static AssistantGraph Graph(IEnumerable<string> nodes, params GraphEdge[] edges) =>
        new() { Nodes = nodes.Select(id => new GraphNode { Id = id }).ToList(), Edges = edges };

    private static GraphEdge Edge(string source, string target, bool conditional = false, string? data = null) =>
        new() { Source = source, Target = target, Conditional = conditional, Data = data is null ? null : Data(data) };

    private static string[] Lines(string mermaid) => mermaid.Split('\n');

    [Fact]
    public void A_small_graph_renders_exactly()
    {
        var graph = Graph(
            ["__start__", "outer", "__end__"],
            Edge("__start__", "outer"),
            Edge("outer", "outer", conditional: true),
            Edge("outer", "__end__", conditional: true));

        graph.ToMermaid().Should().Be(
            Header +
            "\t__start__([<p>__start__</p>]):::first\n" +
            "\touter(\"outer\")\n" +
            "\t__end__([<p>__end__</p>]):::last\n" +
            "\t__start__ --> outer;\n" +
            "\touter -.-> outer;\n" +
            "\touter -.-> __end__;\n" +
            Footer);
    }

    [Fact]
    public void An_empty_graph_has_the_header_and_classes_only()
    {
        new AssistantGraph().ToMermaid().Should().Be(Header + Footer);
    }

    [Fact]
    public void Edges_with_string_or_scalar_data_are_labelled()
    {
        var graph = Graph(
            ["a", "b"],
            Edge("a", "b", conditional: true, data: "\"continue\""),
            Edge("a", "b", conditional: false, data: "\"always\""),
            Edge("b", "a", data: "3"),
            Edge("b", "a", data: "true"),
            Edge("b", "a", data: "\"\""),
            Edge("b", "a", data: "{\"label\":\"ignored\"}"));

        Lines(graph.ToMermaid()).Where(l => l.StartsWith("\ta ", System.StringComparison.Ordinal) || l.StartsWith("\tb ", System.StringComparison.Ordinal)).Should().Equal(
            "\ta -. &nbsp;continue&nbsp; .-> b;",
            "\ta -- &nbsp;always&nbsp; --> b;",
            "\tb -- &nbsp;3&nbsp; --> a;",
            "\tb -- &nbsp;true&nbsp; --> a;",
            "\tb --> a;",
            "\tb --> a;");
    }

    [Fact]
    public void Xray_nodes_are_grouped_in_nested_subgraphs()
    {
        var graph = Graph(
            ["__start__", "outer", "inner:inner_step", "inner:deep:leaf", "inner:deep:leaf2", "other:x", "__end__"],
            Edge("__start__", "outer"),
            Edge("outer", "inner:inner_step"),
            Edge("inner:inner_step", "inner:deep:leaf"),
            Edge("inner:deep:leaf", "__end__"));

        graph.ToMermaid().Should().Be(
            Header +
            "\t__start__([<p>__start__</p>]):::first\n" +
            "\touter(\"outer\")\n" +
            "\t__end__([<p>__end__</p>]):::last\n" +
            "\tsubgraph inner[\"inner\"]\n" +
            "\t\tinner_x3a_inner_step(\"inner_step\")\n" +
            "\t\tsubgraph inner_x3a_deep[\"deep\"]\n" +
            "\t\t\tinner_x3a_deep_x3a_leaf(\"leaf\")\n" +
            "\t\t\tinner_x3a_deep_x3a_leaf2(\"leaf2\")\n" +
            "\t\tend\n" +
            "\tend\n" +
            "\tsubgraph other[\"other\"]\n" +
            "\t\tother_x3a_x(\"x\")\n" +
            "\tend\n" +
            "\t__start__ --> outer;\n" +
            "\touter --> inner_x3a_inner_step;\n" +
            "\tinner_x3a_inner_step --> inner_x3a_deep_x3a_leaf;\n" +
            "\tinner_x3a_deep_x3a_leaf --> __end__;\n" +
            Footer);
    }

    [Fact]
    public void A_subgraph_with_only_deeper_nodes_is_still_drawn()
    {
        var graph = Graph(["a:b:c"]);

        graph.ToMermaid().Should().Be(
            Header +
            "\tsubgraph a[\"a\"]\n" +
            "\t\tsubgraph a_x3a_b[\"b\"]\n" +
            "\t\t\ta_x3a_b_x3a_c(\"c\")\n" +
            "\t\tend\n" +
            "\tend\n" +
            Footer);
    }

    [Fact]
    public void Subgraph_start_and_end_nodes_are_stadiums()
    {
        var lines = Lines(Graph(["inner:__start__", "inner:__end__"]).ToMermaid());

        lines.Should().Contain("\t\tinner_x3a___start__([<p>__start__</p>]):::first");
        lines.Should().Contain("\t\tinner_x3a___end__([<p>__end__</p>]):::last");
    }

    [Fact]
    public void A_prefix_is_not_mistaken_for_a_parent_of_a_longer_name()
    {
        var mermaid = Graph(["a:x", "ab:y"]).ToMermaid();

        mermaid.Should().Contain("\tsubgraph a[\"a\"]\n\t\ta_x3a_x(\"x\")\n\tend\n\tsubgraph ab[\"ab\"]\n\t\tab_x3a_y(\"y\")\n\tend\n");
    }

    [Fact]
    public void Odd_characters_in_ids_are_made_safe()
    {
        var graph = Graph(["my node", "a.b", "é", "ok-id_1"], Edge("my node", "a.b"));

        var lines = Lines(graph.ToMermaid());

        lines.Should().Contain("\tmy_x20_node(\"my node\")");
        lines.Should().Contain("\ta_x2e_b(\"a.b\")");
        lines.Should().Contain("\t_xe9_(\"é\")");
        lines.Should().Contain("\tok-id_1(\"ok-id_1\")");
        lines.Should().Contain("\tmy_x20_node --> a_x2e_b;");
    }

    [Fact]
    public void An_empty_id_gets_a_placeholder()
    {
        Lines(Graph([""]).ToMermaid()).Should().Contain("\t_(\"\")");
    }

    [Fact]
    public void Safe_ids_of_different_nodes_stay_distinct()
    {
        var ids = new[] { "a b", "a.b", "a:b", "a_b", "a-b", "ab", "a_x3a_b", "a_x20_b" };

        var mermaid = Graph(ids).ToMermaid();

        var declared = Lines(mermaid)
            .Select(l => l.Trim('\t'))
            .Where(l => l.EndsWith(")", System.StringComparison.Ordinal))
            .Select(l => l[..l.IndexOf('(', System.StringComparison.Ordinal)])
            .ToList();
        declared.Should().HaveCount(ids.Length);
        declared.Should().OnlyHaveUniqueItems("every node needs its own Mermaid id, or two nodes are drawn as one");
    }

    [Fact]
    public void A_node_named_end_does_not_use_the_mermaid_keyword_as_its_id()
    {
        // Mermaid's flowchart docs: "Typing 'end' in all lowercase letters will break the Flowchart" (it closes a subgraph).
        var graph = Graph(["__start__", "end", "__end__"], Edge("__start__", "end"), Edge("end", "__end__"));

        var lines = Lines(graph.ToMermaid()).Select(l => l.Trim('\t')).ToList();

        lines.Should().Contain(l => l.EndsWith("(\"end\")", System.StringComparison.Ordinal), "the node keeps its label");
        lines.Should().NotContain("end(\"end\")", "a node declared with the id 'end' breaks the chart");
        lines.Should().NotContain(l => l.StartsWith("end ", System.StringComparison.Ordinal) || l.EndsWith(" end;", System.StringComparison.Ordinal), "so does an edge to or from it");
    }

    [Fact]
    public void Labels_escape_quotes_and_markup()
    {
        var graph = Graph(["say \"hi\" <b> & go"], Edge("x", "y", data: "\"a \\\"quoted\\\" <label>\\nnext\""));

        var lines = Lines(graph.ToMermaid());

        lines.Should().Contain("\tsay_x20__x22_hi_x22__x20__x3c_b_x3e__x20__x26__x20_go(\"say #quot;hi#quot; #lt;b#gt; #amp; go\")");
        lines.Should().Contain("\tx -- &nbsp;a #quot;quoted#quot; #lt;label#gt; next&nbsp; --> y;");
    }
}

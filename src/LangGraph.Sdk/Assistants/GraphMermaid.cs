using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace LangGraph.Sdk.Assistants;

/// <summary>
/// Renders an <see cref="AssistantGraph"/> as a Mermaid flowchart in the style of LangGraph's <c>draw_mermaid</c>:
/// <c>__start__</c> and <c>__end__</c> as stadiums, conditional edges dotted, edge labels from their data, and the nodes
/// of x-ray subgraphs (ids like <c>sub:node</c>) grouped in <c>subgraph</c> blocks.
/// </summary>
internal static class GraphMermaid
{
    private const string Start = "__start__";
    private const string End = "__end__";

    /// <summary>Words Mermaid reads as syntax; a node with such an id gets a suffix (its label stays).</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "end", "graph", "subgraph", "flowchart", "style", "class", "classDef", "click", "linkStyle", "direction", "default" };

    public static string Render(AssistantGraph graph)
    {
        var ids = new MermaidIds();
        foreach (var node in graph.Nodes)
        {
            ids.Get(node.Id);
        }

        var builder = new StringBuilder();
        builder.Append("---\nconfig:\n  flowchart:\n    curve: linear\n---\ngraph TD;\n");

        // Nodes grouped by their subgraph prefix (the id up to its last ':'), the root graph first.
        var groups = new SortedDictionary<string, List<GraphNode>>(StringComparer.Ordinal);
        foreach (var node in graph.Nodes)
        {
            var prefix = Prefix(node.Id);
            if (!groups.TryGetValue(prefix, out var list))
            {
                groups[prefix] = list = [];
            }

            list.Add(node);
        }

        if (groups.TryGetValue(string.Empty, out var rootNodes))
        {
            foreach (var node in rootNodes)
            {
                AppendNode(builder, ids, node, "\t");
            }
        }

        AppendSubgraphs(builder, ids, groups, parent: string.Empty, indent: "\t");

        foreach (var edge in graph.Edges)
        {
            var label = Label(edge.Data);
            builder.Append('\t').Append(ids.Get(edge.Source));
            if (label is null)
            {
                builder.Append(edge.Conditional ? " -.-> " : " --> ");
            }
            else
            {
                builder.Append(edge.Conditional ? " -. &nbsp;" : " -- &nbsp;").Append(Escape(label)).Append(edge.Conditional ? "&nbsp; .-> " : "&nbsp; --> ");
            }

            builder.Append(ids.Get(edge.Target)).Append(";\n");
        }

        builder.Append("\tclassDef default fill:#f2f0ff,line-height:1.2\n");
        builder.Append("\tclassDef first fill-opacity:0\n");
        builder.Append("\tclassDef last fill:#bfb6fc\n");
        return builder.ToString();
    }

    /// <summary>Writes the subgraph blocks directly under <paramref name="parent"/>, nesting deeper ones inside.</summary>
    private static void AppendSubgraphs(StringBuilder builder, MermaidIds ids, SortedDictionary<string, List<GraphNode>> groups, string parent, string indent)
    {
        var children = groups.Keys
            .Where(k => k.Length > 0)
            .Select(k => ChildOf(parent, k))
            .Where(c => c is not null)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var child in children)
        {
            var name = child!.Contains(':', StringComparison.Ordinal) ? child[(child.LastIndexOf(':') + 1)..] : child;
            builder.Append(indent).Append("subgraph ").Append(ids.Subgraph(child)).Append("[\"").Append(Escape(name)).Append("\"]\n");
            if (groups.TryGetValue(child, out var nodes))
            {
                foreach (var node in nodes)
                {
                    AppendNode(builder, ids, node, indent + "\t");
                }
            }

            AppendSubgraphs(builder, ids, groups, child, indent + "\t");
            builder.Append(indent).Append("end\n");
        }
    }

    /// <summary>The prefix one level below <paramref name="parent"/> on the way to <paramref name="prefix"/>, or null when it is not below it.</summary>
    private static string? ChildOf(string parent, string prefix)
    {
        if (parent.Length > 0 && !prefix.StartsWith(parent + ":", StringComparison.Ordinal))
        {
            return null;
        }

        var start = parent.Length == 0 ? 0 : parent.Length + 1;
        var next = prefix.IndexOf(':', start);
        return next < 0 ? prefix : prefix[..next];
    }

    private static void AppendNode(StringBuilder builder, MermaidIds ids, GraphNode node, string indent)
    {
        var id = ids.Get(node.Id);
        var name = node.Id.Contains(':', StringComparison.Ordinal) ? node.Id[(node.Id.LastIndexOf(':') + 1)..] : node.Id;
        builder.Append(indent).Append(id);
        if (name == Start)
        {
            builder.Append("([<p>__start__</p>]):::first\n");
        }
        else if (name == End)
        {
            builder.Append("([<p>__end__</p>]):::last\n");
        }
        else
        {
            builder.Append("(\"").Append(Escape(name)).Append("\")\n");
        }
    }

    private static string Prefix(string id)
    {
        var colon = id.LastIndexOf(':');
        return colon < 0 ? string.Empty : id[..colon];
    }

    private static string? Label(JsonElement? data) => data switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString() is { Length: > 0 } value ? value : null,
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value => value.GetRawText(),
        _ => null,
    };

    /// <summary>A Mermaid-safe id: letters, digits, '_' and '-' kept; any other character written as <c>_xHH_</c>.</summary>
    private static string SafeId(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("_x").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    /// <summary>Escapes a label for a quoted Mermaid string (entity codes for the characters Mermaid reads as syntax).</summary>
    private static string Escape(string text) =>
        text.Replace("&", "#amp;", StringComparison.Ordinal)
            .Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal)
            .Replace(">", "#gt;", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal);

    /// <summary>
    /// Gives each graph id one Mermaid id for a whole render: the safe form of the id, with a numeric suffix when that
    /// form is a Mermaid keyword or already taken by another id (escaping alone can map two ids to one form).
    /// </summary>
    private sealed class MermaidIds
    {
        private readonly Dictionary<string, string> _byId = new(StringComparer.Ordinal);
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public string Get(string id) => Get(id, id);

        /// <summary>The id of the subgraph block of a prefix (kept apart from a node with the same id).</summary>
        public string Subgraph(string prefix) => Get("\0" + prefix, prefix);

        private string Get(string key, string id)
        {
            if (_byId.TryGetValue(key, out var known))
            {
                return known;
            }

            var safe = SafeId(id);
            var candidate = safe;
            for (var n = 2; Reserved.Contains(candidate) || !_used.Add(candidate); n++)
            {
                candidate = safe + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            _byId[key] = candidate;
            return candidate;
        }
    }
}

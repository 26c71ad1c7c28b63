using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>One server-sent event of a stream: its event name, its JSON data and its id.</summary>
/// <param name="Event">The event name, for example <c>values</c>, <c>updates</c>, <c>metadata</c>, <c>error</c>, or <c>updates|node:task</c> for a subgraph.</param>
/// <param name="Data">The event's data as JSON; a JSON null when the event had no data.</param>
/// <param name="Id">The event id (the last one seen, as the SSE rules keep it), or null when the server sends none.</param>
public readonly record struct StreamPart(string Event, JsonElement Data, string? Id)
{
    /// <summary>
    /// Gets the stream mode the event belongs to: the event name before the first <c>|</c> (<c>updates</c> for
    /// <c>updates|agent:1f2e</c>). Note that the <c>messages-tuple</c> mode sends events named <c>messages</c>.
    /// </summary>
    public string Mode => ModeOf(Event);

    /// <summary>
    /// Gets the subgraph namespace of the event: the <c>|</c>-separated segments after the mode (each like
    /// <c>node:task_id</c>); empty for an event of the root graph.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<string> Namespace => NamespaceOf(Event);

    /// <summary>The mode of an event name: the part before the first <c>|</c>. The one parser of event names, with <see cref="NamespaceOf"/>.</summary>
    internal static string ModeOf(string? eventName)
    {
        var name = eventName ?? string.Empty;
        return name.Contains('|', System.StringComparison.Ordinal) ? SubgraphEventName.Of(name).Mode : name;
    }

    /// <summary>The subgraph namespace of an event name: the <c>|</c>-separated segments after the mode.</summary>
    internal static System.Collections.Generic.IReadOnlyList<string> NamespaceOf(string? eventName)
    {
        var name = eventName ?? string.Empty;
        return name.Contains('|', System.StringComparison.Ordinal) ? SubgraphEventName.Of(name).Namespace : [];
    }

    /// <summary>
    /// A subgraph event name (<c>mode|node:task|…</c>) split once: a subgraph's events come with a few names (one per
    /// mode) in turn, so the last names split on each thread are kept and their mode and namespace are shared by the
    /// events that carry them, instead of a substring, an array and a string per segment on every read of
    /// <see cref="Mode"/> or <see cref="Namespace"/>.
    /// </summary>
    private sealed class SubgraphEventName
    {
        // Enough for the modes of one subgraph's events (values, updates, messages, custom...) read in turn.
        private const int Kept = 4;

        [System.ThreadStatic]
        private static SubgraphEventName?[]? t_kept;

        [System.ThreadStatic]
        private static int t_next;

        private SubgraphEventName(string name)
        {
            Name = name;
            var bar = name.IndexOf('|', System.StringComparison.Ordinal);
            Mode = name[..bar];
            Namespace = System.Array.AsReadOnly(name[(bar + 1)..].Split('|'));
        }

        public string Name { get; }

        public string Mode { get; }

        public System.Collections.Generic.IReadOnlyList<string> Namespace { get; }

        public static SubgraphEventName Of(string name)
        {
            var kept = t_kept ??= new SubgraphEventName?[Kept];
            foreach (var split in kept)
            {
                if (split is not null && string.Equals(split.Name, name, System.StringComparison.Ordinal))
                {
                    return split;
                }
            }

            var added = new SubgraphEventName(name);
            kept[t_next] = added;
            t_next = (t_next + 1) % Kept;
            return added;
        }
    }
}

using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Which events a subscription receives: channels, optionally only below some namespaces and down to a depth
/// (the protocol's <c>subscription.subscribe</c> params and the SSE event filter).
/// </summary>
public sealed class ThreadSubscribeOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets the channels (<see cref="ThreadChannels"/>); at least one. <c>custom:&lt;name&gt;</c> selects one named custom event.
    /// </summary>
    public IList<string> Channels { get; } = new List<string>();

    /// <summary>
    /// Gets the namespace prefixes to receive events from; empty for all. A segment without <c>:</c> matches a segment's
    /// node name (<c>["research"]</c> matches <c>["research:9b35…", …]</c>).
    /// </summary>
    public IList<IReadOnlyList<string>> Namespaces { get; } = new List<IReadOnlyList<string>>();

    /// <summary>Gets or sets how many levels below each namespace prefix are received (0: the prefix itself); null for all. Only with <see cref="Namespaces"/>.</summary>
    public int? Depth { get; set; }
}

using System;
using System.Collections.Generic;
using System.Linq;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// An event filter with the server's semantics (<c>matchesSubscription</c> of <c>@langchain/langgraph/stream</c>): the event's
/// channel is one of the channels (a named custom channel also matches <c>custom</c>), and, when namespaces are given, its
/// namespace starts with one of them (a prefix segment without <c>:</c> matches a segment's node name) and lies at most
/// <c>depth</c> levels below it. Used to read a subscription's events out of the one log.
/// </summary>
internal sealed class ProtocolFilter
{
    private readonly HashSet<string> _channels;
    private readonly IReadOnlyList<string>[] _namespaces;
    private readonly int? _depth;

    public ProtocolFilter(IEnumerable<string> channels, IEnumerable<IReadOnlyList<string>>? namespaces = null, int? depth = null)
    {
        ArgumentNullException.ThrowIfNull(channels);
        _channels = new HashSet<string>(channels, StringComparer.Ordinal);
        _namespaces = namespaces?.ToArray() ?? [];
        _depth = _namespaces.Length == 0 ? null : depth;
    }

    /// <summary>Gets a filter that lets every event through.</summary>
    public static ProtocolFilter All { get; } = new(ThreadChannels.All);

    /// <summary>The filter of a subscription.</summary>
    public static ProtocolFilter From(ThreadSubscribeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Channels, options.Namespaces, options.Depth);
    }

    /// <summary>Whether every event this filter lets through is also let through by a filter of <paramref name="otherChannels"/> alone.</summary>
    public bool IsCoveredBy(IReadOnlyCollection<string> otherChannels) =>
        _channels.All(c => otherChannels.Contains(c) || (c.StartsWith("custom:", StringComparison.Ordinal) && otherChannels.Contains(ThreadChannels.Custom)));

    /// <summary>Whether the event passes the filter.</summary>
    public bool Matches(ThreadEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var channel = e.Channel;
        if (!_channels.Contains(channel) && !(channel.StartsWith("custom:", StringComparison.Ordinal) && _channels.Contains(ThreadChannels.Custom)))
        {
            return false;
        }

        if (_namespaces.Length == 0)
        {
            return true;
        }

        foreach (var prefix in _namespaces)
        {
            if (IsPrefixMatch(e.Namespace, prefix) && (_depth is not { } depth || e.Namespace.Count - prefix.Count <= depth))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="ns"/> starts with <paramref name="prefix"/>; a prefix segment without <c>:</c> also matches a segment's part before its <c>:</c>.</summary>
    public static bool IsPrefixMatch(IReadOnlyList<string> ns, IReadOnlyList<string> prefix)
    {
        if (prefix.Count > ns.Count)
        {
            return false;
        }

        for (var i = 0; i < prefix.Count; i++)
        {
            var segment = prefix[i];
            var candidate = ns[i];
            if (string.Equals(candidate, segment, StringComparison.Ordinal))
            {
                continue;
            }

            if (segment.Contains(':', StringComparison.Ordinal))
            {
                return false;
            }

            var colon = candidate.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || !candidate.AsSpan(0, colon).SequenceEqual(segment))
            {
                return false;
            }
        }

        return true;
    }
}

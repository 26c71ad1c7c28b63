using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// An event filter: the body of <c>POST /threads/{id}/stream/events</c> (with <c>since</c>) and the params of
/// <c>subscription.subscribe</c> (without). The server refuses unknown keys, so nothing else is ever written.
/// </summary>
internal sealed record ThreadStreamFilterRequest
{
    [JsonPropertyName("channels")]
    public required IReadOnlyList<string> Channels { get; init; }

    [JsonPropertyName("namespaces")]
    public IReadOnlyList<IReadOnlyList<string>>? Namespaces { get; init; }

    [JsonPropertyName("depth")]
    public int? Depth { get; init; }

    [JsonPropertyName("since")]
    public long? Since { get; init; }

    /// <summary>The filter of a subscription (namespaces and depth only when namespaces are given: the server ignores a lone depth).</summary>
    public static ThreadStreamFilterRequest From(ThreadSubscribeOptions options, long? since = null) => new()
    {
        Channels = [.. options.Channels],
        Namespaces = options.Namespaces.Count == 0 ? null : options.Namespaces.Select(ns => (IReadOnlyList<string>)[.. ns]).ToList(),
        Depth = options.Namespaces.Count == 0 ? null : options.Depth,
        Since = since,
    };
}

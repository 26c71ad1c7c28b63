using System.Text.Json.Serialization;

namespace LangGraph.Sdk;

/// <summary>The wire form of a <see cref="ThreadTtl"/> (<c>{"ttl": minutes, "strategy": …}</c>).</summary>
internal sealed record ThreadTtlRequest
{
    [JsonPropertyName("ttl")]
    public int Ttl { get; init; }

    [JsonPropertyName("strategy")]
    public string? Strategy { get; init; }

    /// <summary>Maps a time to live, null when <paramref name="ttl"/> is null.</summary>
    public static ThreadTtlRequest? From(ThreadTtl? ttl) => ttl is null ? null : new() { Ttl = ttl.Minutes, Strategy = ttl.Strategy };
}

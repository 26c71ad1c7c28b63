using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>The wire form of a <see cref="RunConfig"/>: tags, recursion_limit, configurable and metadata, each only when set.</summary>
internal sealed record RunConfigRequest
{
    [JsonPropertyName("tags")]
    public IList<string>? Tags { get; init; }

    [JsonPropertyName("recursion_limit")]
    public int? RecursionLimit { get; init; }

    [JsonPropertyName("configurable")]
    public Dictionary<string, JsonElement>? Configurable { get; init; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Maps a config, null when <paramref name="config"/> is null; user values go through <paramref name="options"/>.</summary>
    public static RunConfigRequest? From(RunConfig? config, JsonSerializerOptions options) => config is null ? null : new()
    {
        Tags = config.Tags,
        RecursionLimit = config.RecursionLimit,
        Configurable = UserJson.Object(options, config.Configurable, "config.configurable"),
        Metadata = UserJson.Object(options, config.Metadata, "config.metadata"),
    };
}

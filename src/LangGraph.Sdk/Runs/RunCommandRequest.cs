using System.Text.Json;
using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>The wire form of a <see cref="RunCommand"/>; null members are not sent.</summary>
internal sealed record RunCommandRequest
{
    [JsonPropertyName("goto")]
    public JsonElement? Goto { get; init; }

    [JsonPropertyName("update")]
    public JsonElement? Update { get; init; }

    [JsonPropertyName("resume")]
    public JsonElement? Resume { get; init; }

    /// <summary>Maps a command, null when <paramref name="command"/> is null; user values go through <paramref name="options"/>.</summary>
    public static RunCommandRequest? From(RunCommand? command, JsonSerializerOptions options) => command is null ? null : new()
    {
        Goto = UserJson.Element(options, command.Goto, "command.goto"),
        Update = UserJson.Element(options, command.Update, "command.update"),
        Resume = UserJson.Element(options, command.Resume, "command.resume"),
    };
}

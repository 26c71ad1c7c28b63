using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// What happens to a streamed or waited-on run when the client disconnects. Known values: <see cref="Cancel"/>, <see cref="Continue"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"cancel"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<DisconnectMode>))]
public readonly record struct DisconnectMode(string Value) : IStringEnum<DisconnectMode>
{
    /// <summary>The server cancels the run. Wire value <c>"cancel"</c>.</summary>
    public static DisconnectMode Cancel { get; } = new("cancel");

    /// <summary>The run keeps going in the background. Wire value <c>"continue"</c>.</summary>
    public static DisconnectMode Continue { get; } = new("continue");

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator DisconnectMode(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static DisconnectMode IStringEnum<DisconnectMode>.FromString(string value) => new(value);
}

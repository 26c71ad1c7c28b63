using System.Globalization;

namespace LangGraph.Sdk;

/// <summary>
/// Whether <see cref="AssistantsClient.GetGraphAsync"/> draws subgraphs too (Python's <c>xray: bool | int</c>):
/// <c>false</c> (the default) or <c>true</c>, or a depth that limits how deep subgraphs are drawn.
/// A <see cref="bool"/> or an <see cref="int"/> converts implicitly: <c>Xray = true</c>, <c>Xray = 2</c>.
/// </summary>
public readonly record struct GraphXray
{
    private GraphXray(bool enabled, int? depth)
    {
        Enabled = enabled;
        Depth = depth;
    }

    /// <summary>Gets subgraphs left out (the default). Sent as <c>xray=false</c>.</summary>
    public static GraphXray None { get; } = new(false, null);

    /// <summary>Gets every subgraph drawn, at any depth. Sent as <c>xray=true</c>.</summary>
    public static GraphXray All { get; } = new(true, null);

    /// <summary>Gets whether subgraphs are drawn at all.</summary>
    public bool Enabled { get; }

    /// <summary>Gets the maximum subgraph depth drawn, or null for no limit (or when <see cref="Enabled"/> is false).</summary>
    public int? Depth { get; }

    /// <summary>Gets the query value sent as <c>xray</c>: <c>true</c>, <c>false</c> or the depth.</summary>
    public string QueryValue => Depth is { } depth ? depth.ToString(CultureInfo.InvariantCulture) : Enabled ? "true" : "false";

    /// <summary>Draws subgraphs (<see cref="All"/>) or not (<see cref="None"/>).</summary>
    /// <param name="enabled">Whether to draw subgraphs.</param>
    public static implicit operator GraphXray(bool enabled) => enabled ? All : None;

    /// <summary>Draws subgraphs down to <paramref name="depth"/> levels.</summary>
    /// <param name="depth">The maximum depth, sent as is.</param>
    public static implicit operator GraphXray(int depth) => FromDepth(depth);

    /// <summary>Draws subgraphs or not.</summary>
    /// <param name="enabled">Whether to draw subgraphs.</param>
    /// <returns><see cref="All"/> or <see cref="None"/>.</returns>
    public static GraphXray FromBoolean(bool enabled) => enabled;

    /// <summary>Draws subgraphs down to <paramref name="depth"/> levels.</summary>
    /// <param name="depth">The maximum depth, sent as is (the server interprets it).</param>
    /// <returns>The setting.</returns>
    public static GraphXray FromDepth(int depth) => new(true, depth);

    /// <summary>Returns the query value.</summary>
    /// <returns><see cref="QueryValue"/>.</returns>
    public override string ToString() => QueryValue;
}

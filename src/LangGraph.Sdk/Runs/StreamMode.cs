using System.Text.Json.Serialization;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The kinds of output a streamed run sends. Several may be requested at once. Known values: <see cref="Values"/>, <see cref="Updates"/>, <see cref="Messages"/>, <see cref="MessagesTuple"/>, <see cref="Events"/>, <see cref="Debug"/>, <see cref="Custom"/>, <see cref="Tasks"/>, <see cref="Checkpoints"/>, <see cref="Tools"/>, <see cref="Lifecycle"/>.
/// Extensible: a value the server adds later is kept as is and never throws; any string converts implicitly.
/// </summary>
/// <param name="Value">The wire value, for example <c>"values"</c>.</param>
[JsonConverter(typeof(StringEnumConverter<StreamMode>))]
public readonly record struct StreamMode(string Value) : IStringEnum<StreamMode>
{
    /// <summary>The full state after each step. Wire value <c>"values"</c>.</summary>
    public static StreamMode Values { get; } = new("values");

    /// <summary>The update each node made, keyed by node name. Wire value <c>"updates"</c>.</summary>
    public static StreamMode Updates { get; } = new("updates");

    /// <summary>LLM messages token by token (<c>messages/partial</c>, <c>messages/complete</c>, <c>messages/metadata</c> events). Wire value <c>"messages"</c>.</summary>
    public static StreamMode Messages { get; } = new("messages");

    /// <summary>LLM messages as <c>[message, metadata]</c> pairs (<c>messages</c> events). Wire value <c>"messages-tuple"</c>.</summary>
    public static StreamMode MessagesTuple { get; } = new("messages-tuple");

    /// <summary>LangChain callback events. Wire value <c>"events"</c>.</summary>
    public static StreamMode Events { get; } = new("events");

    /// <summary>Debug records for every checkpoint and task. Wire value <c>"debug"</c>.</summary>
    public static StreamMode Debug { get; } = new("debug");

    /// <summary>Data the graph writes with its stream writer. Wire value <c>"custom"</c>.</summary>
    public static StreamMode Custom { get; } = new("custom");

    /// <summary>Task start and result records. Wire value <c>"tasks"</c>.</summary>
    public static StreamMode Tasks { get; } = new("tasks");

    /// <summary>Each checkpoint as it is saved. Wire value <c>"checkpoints"</c>.</summary>
    public static StreamMode Checkpoints { get; } = new("checkpoints");

    /// <summary>
    /// Tool-call progress: <c>tools</c> events whose data has <c>event</c> (<c>on_tool_start</c>, <c>on_tool_event</c>,
    /// <c>on_tool_end</c>, <c>on_tool_error</c>), <c>toolCallId</c>, <c>name</c> and the input, data, output or error.
    /// Wire value <c>"tools"</c>.
    /// </summary>
    public static StreamMode Tools { get; } = new("tools");

    /// <summary>
    /// Subgraph and subagent lifecycle: <c>lifecycle</c> events whose data has <c>event</c> (<c>started</c>,
    /// <c>completed</c>, <c>failed</c>, <c>interrupted</c>) and <c>namespace</c>. Wire value <c>"lifecycle"</c>.
    /// The JS dev server 1.5.1 refuses it with 400.
    /// </summary>
    public static StreamMode Lifecycle { get; } = new("lifecycle");

    /// <summary>
    /// Gets the mode to ask the server for when LLM messages should arrive as <c>[message, metadata]</c> pairs (Python's
    /// stream v2 and RemoteGraph): <see cref="Messages"/> becomes <see cref="MessagesTuple"/>, every other mode is itself.
    /// The one place that maps a requested mode to the wire; <see cref="EventMode"/> maps it back.
    /// </summary>
    internal StreamMode AsTuples => this == Messages ? MessagesTuple : this;

    /// <summary>
    /// Gets the mode of the events this mode streams, as <see cref="StreamPart.Mode"/> reads it: <see cref="MessagesTuple"/>
    /// streams events named <c>messages</c>; every other mode, events of its own name.
    /// </summary>
    internal string EventMode => this == MessagesTuple ? Messages.Value : Value ?? string.Empty;

    /// <summary>Wraps a wire value.</summary>
    /// <param name="value">The wire value.</param>
    public static implicit operator StreamMode(string value) => new(value);

    /// <summary>Returns the wire value.</summary>
    /// <returns>The wire value.</returns>
    public override string ToString() => Value ?? string.Empty;

    static StreamMode IStringEnum<StreamMode>.FromString(string value) => new(value);
}

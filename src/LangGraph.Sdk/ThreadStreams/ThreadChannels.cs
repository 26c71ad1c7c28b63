using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>The channels of the thread streaming protocol, to subscribe to (<see cref="ThreadSubscribeOptions.Channels"/>).</summary>
public static class ThreadChannels
{
    /// <summary>Full state after each step (<c>values</c>).</summary>
    public const string Values = "values";

    /// <summary>Each node's update (<c>updates</c>).</summary>
    public const string Updates = "updates";

    /// <summary>Chat model messages, token by token (<c>messages</c>).</summary>
    public const string Messages = "messages";

    /// <summary>Tool calls: started, output deltas, finished, error (<c>tools</c>).</summary>
    public const string Tools = "tools";

    /// <summary>Run and subgraph lifecycle: running, started, completed, failed, interrupted (<c>lifecycle</c>).</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary>Checkpoints written (<c>checkpoints</c>).</summary>
    public const string Checkpoints = "checkpoints";

    /// <summary>Tasks started and finished (<c>tasks</c>).</summary>
    public const string Tasks = "tasks";

    /// <summary>Custom events a graph writes (<c>custom</c>; a named one is <c>custom:&lt;name&gt;</c>).</summary>
    public const string Custom = "custom";

    /// <summary>Requests for human input: interrupts (<c>input</c>, method <c>input.requested</c>).</summary>
    public const string Input = "input";

    /// <summary>Gets every channel the server supports: the default subscription of a <see cref="ThreadStream"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [Values, Updates, Messages, Tools, Lifecycle, Checkpoints, Tasks, Custom, Input];
}

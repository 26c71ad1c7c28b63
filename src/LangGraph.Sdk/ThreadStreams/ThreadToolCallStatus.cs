namespace LangGraph.Sdk;

/// <summary>How a tool call of a <see cref="ThreadToolCall"/> ended.</summary>
public enum ThreadToolCallStatus
{
    /// <summary>The tool returned (<c>tool-finished</c>).</summary>
    Finished = 0,

    /// <summary>The tool raised an error (<c>tool-error</c>).</summary>
    Failed = 1,

    /// <summary>The run ended before the tool did.</summary>
    Aborted = 2,
}

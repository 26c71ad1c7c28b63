using System;
using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// A run stopped at an interrupt (human in the loop) where the caller cannot resume it, for example inside an
/// <c>IChatClient</c> call (<c>AsChatClient</c>). Resume the run on <see cref="ThreadId"/> with
/// <c>Runs.StreamAsync(threadId, assistantId, new RunCreateOptions { Command = new RunCommand { Resume = … } })</c>.
/// </summary>
public class LangGraphInterruptException : LangGraphException
{
    /// <summary>Creates an exception with a default message.</summary>
    public LangGraphInterruptException()
        : base("A LangGraph run stopped at an interrupt.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public LangGraphInterruptException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LangGraphInterruptException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a run that stopped at the given interrupts.</summary>
    /// <param name="threadId">The thread the interrupted run belongs to.</param>
    /// <param name="runId">The run id, when known.</param>
    /// <param name="interrupts">The interrupts the graph raised.</param>
    public LangGraphInterruptException(string threadId, string? runId, IReadOnlyList<Interrupt> interrupts)
        : base($"The run {runId ?? "(unknown)"} on thread {threadId} stopped at an interrupt; resume it on that thread with a RunCreateOptions.Command (Resume).")
    {
        ThreadId = threadId;
        RunId = runId;
        Interrupts = interrupts ?? throw new ArgumentNullException(nameof(interrupts));
    }

    /// <summary>The thread the interrupted run belongs to.</summary>
    public string? ThreadId { get; }

    /// <summary>The run id, when known.</summary>
    public string? RunId { get; }

    /// <summary>The interrupts the graph raised (their ids and values).</summary>
    public IReadOnlyList<Interrupt> Interrupts { get; } = [];
}

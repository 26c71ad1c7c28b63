using System;

namespace LangGraph.Sdk;

/// <summary>
/// Events of a thread stream were lost and cannot be replayed: after a reconnect the server no longer had them (a
/// LangGraph server 1.5.1 forgets a thread's event buffer when its WebSocket closes). The projections of the run that was
/// streaming end with this exception; the <see cref="ThreadStream"/> stays usable for the next run. Use
/// <see cref="ThreadStreamTransport.Sse"/>, which resumes exactly, where no event may be lost.
/// </summary>
public class ThreadStreamGapException : LangGraphException
{
    /// <summary>Creates an exception with a default message.</summary>
    public ThreadStreamGapException()
        : base("Events of the thread stream were lost: the server could not replay them after a reconnect.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What went wrong.</param>
    public ThreadStreamGapException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ThreadStreamGapException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a gap after the last event received.</summary>
    /// <param name="threadId">The thread.</param>
    /// <param name="lastSeq">The sequence number of the last event received before the gap.</param>
    /// <param name="message">What the server did.</param>
    public ThreadStreamGapException(string threadId, long lastSeq, string message)
        : base(message)
    {
        ThreadId = threadId;
        LastSeq = lastSeq;
    }

    /// <summary>Gets the thread whose events were lost, when known.</summary>
    public string? ThreadId { get; }

    /// <summary>Gets the sequence number of the last event received before the gap.</summary>
    public long LastSeq { get; }
}

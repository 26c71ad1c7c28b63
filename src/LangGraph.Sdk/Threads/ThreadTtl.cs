using System;

namespace LangGraph.Sdk;

/// <summary>
/// A thread's time to live. An <see cref="int"/> converts to it (minutes, strategy <c>delete</c>), as Python's
/// <c>ttl=</c> does.
/// </summary>
public sealed record ThreadTtl
{
    /// <summary>Creates a time to live.</summary>
    /// <param name="minutes">Minutes until the strategy applies; must be positive.</param>
    /// <param name="strategy">What happens then; <c>delete</c> when null.</param>
    public ThreadTtl(int minutes, string? strategy = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        Minutes = minutes;
        Strategy = strategy ?? "delete";
    }

    /// <summary>Gets the minutes until the strategy applies (sent as <c>ttl</c>).</summary>
    public int Minutes { get; }

    /// <summary>Gets what happens when the time is up (sent as <c>strategy</c>); <c>delete</c> by default.</summary>
    public string Strategy { get; }

    /// <summary>Creates a time to live of that many minutes with the <c>delete</c> strategy.</summary>
    /// <param name="minutes">Minutes until the thread is deleted.</param>
    public static implicit operator ThreadTtl(int minutes) => new(minutes);

    /// <summary>Creates a time to live of that many minutes with the <c>delete</c> strategy.</summary>
    /// <param name="minutes">Minutes until the thread is deleted.</param>
    /// <returns>The time to live.</returns>
    public static ThreadTtl FromMinutes(int minutes) => new(minutes);
}

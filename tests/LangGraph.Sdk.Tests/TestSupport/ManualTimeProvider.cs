using System;

namespace LangGraph.Sdk.Tests.TestSupport;

/// <summary>A time provider frozen at a given instant, for Retry-After dates.</summary>
public sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

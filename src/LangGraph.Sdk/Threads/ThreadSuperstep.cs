using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>One superstep applied when a thread is created with <see cref="ThreadCreateOptions.Supersteps"/>.</summary>
public sealed class ThreadSuperstep
{
    /// <summary>Gets the state updates of this superstep.</summary>
    public IList<ThreadSuperstepUpdate> Updates { get; } = new List<ThreadSuperstepUpdate>();
}

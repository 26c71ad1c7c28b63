namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>The resources of the LangGraph server's auth events (<see cref="AuthResources"/> has their names).</summary>
internal enum EventResource
{
    /// <summary><c>threads</c> (runs are a thread's action).</summary>
    Threads,

    /// <summary><c>assistants</c>.</summary>
    Assistants,

    /// <summary><c>crons</c>.</summary>
    Crons,

    /// <summary><c>store</c>.</summary>
    Store,
}

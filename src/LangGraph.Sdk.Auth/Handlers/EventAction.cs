namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>The actions of the LangGraph server's auth events (<see cref="AuthActions"/> has their names).</summary>
internal enum EventAction
{
    /// <summary><c>create</c>.</summary>
    Create,

    /// <summary><c>read</c>.</summary>
    Read,

    /// <summary><c>update</c>.</summary>
    Update,

    /// <summary><c>delete</c>.</summary>
    Delete,

    /// <summary><c>search</c>.</summary>
    Search,

    /// <summary><c>create_run</c> (threads only).</summary>
    CreateRun,

    /// <summary><c>put</c> (store only).</summary>
    Put,

    /// <summary><c>get</c> (store only).</summary>
    Get,

    /// <summary><c>list_namespaces</c> (store only).</summary>
    ListNamespaces,
}

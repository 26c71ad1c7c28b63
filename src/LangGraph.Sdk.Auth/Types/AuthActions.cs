namespace LangGraph.Sdk.Auth;

/// <summary>The actions an <see cref="OnAttribute">[On]</see> handler can guard, as constants for attributes.</summary>
public static class AuthActions
{
    /// <summary>Every action: <c>"*"</c>.</summary>
    public const string Any = "*";

    /// <summary>Create a thread, assistant or cron: <c>"create"</c>.</summary>
    public const string Create = "create";

    /// <summary>Read a thread (its state, history, runs), assistant or cron: <c>"read"</c>.</summary>
    public const string Read = "read";

    /// <summary>Update a thread (its state, or cancel its runs), assistant or cron: <c>"update"</c>.</summary>
    public const string Update = "update";

    /// <summary>Delete a thread or one of its runs, an assistant, a cron or a store item: <c>"delete"</c>.</summary>
    public const string Delete = "delete";

    /// <summary>Search or count threads (or list a thread's runs), assistants, crons or store items: <c>"search"</c>.</summary>
    public const string Search = "search";

    /// <summary>Create a run on a thread (create, stream, wait, batch): <c>"create_run"</c>; threads only.</summary>
    public const string CreateRun = "create_run";

    /// <summary>Put a store item: <c>"put"</c>; store only.</summary>
    public const string Put = "put";

    /// <summary>Get a store item: <c>"get"</c>; store only.</summary>
    public const string Get = "get";

    /// <summary>List store namespaces: <c>"list_namespaces"</c>; store only.</summary>
    public const string ListNamespaces = "list_namespaces";
}

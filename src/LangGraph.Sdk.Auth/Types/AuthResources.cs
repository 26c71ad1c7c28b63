namespace LangGraph.Sdk.Auth;

/// <summary>The resources an <see cref="OnAttribute">[On]</see> handler can guard, as constants for attributes.</summary>
public static class AuthResources
{
    /// <summary>Every resource: <c>"*"</c>.</summary>
    public const string Any = "*";

    /// <summary>Threads, and runs through their thread: <c>"threads"</c>.</summary>
    public const string Threads = "threads";

    /// <summary>Assistants: <c>"assistants"</c>.</summary>
    public const string Assistants = "assistants";

    /// <summary>Cron jobs: <c>"crons"</c>.</summary>
    public const string Crons = "crons";

    /// <summary>The long-term memory store: <c>"store"</c>.</summary>
    public const string Store = "store";
}

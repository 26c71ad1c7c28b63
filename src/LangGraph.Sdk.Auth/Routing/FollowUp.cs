namespace LangGraph.Sdk.Auth.Routing;

/// <summary>The events the server runs after a route's first one, when they gate.</summary>
internal enum FollowUp
{
    /// <summary>No other event.</summary>
    None,

    /// <summary><c>POST /threads</c> with <c>supersteps</c>: <c>threads:update</c>, then <c>threads:read</c>.</summary>
    Supersteps,

    /// <summary><c>threads:read</c> of the path's thread (runs list, state update).</summary>
    Read,

    /// <summary>A thread copy: <c>threads:create</c> with a value built from the stored thread.</summary>
    Copy,

    /// <summary>A protocol command: <c>threads:create_run</c> after the read, for <c>input.respond</c>.</summary>
    CommandRun,
}

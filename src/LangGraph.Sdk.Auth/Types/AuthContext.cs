using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// What an <see cref="OnAttribute">[On]</see> handler knows about the request it guards: the user, their permissions,
/// and the resource and action being accessed. Python's <c>AuthContext</c>.
/// </summary>
/// <remarks>A small immutable struct, so that dispatching a handler allocates nothing.</remarks>
public readonly struct AuthContext : IEquatable<AuthContext>
{
    /// <summary>Creates a context.</summary>
    /// <param name="user">The authenticated user.</param>
    /// <param name="permissions">The user's permissions.</param>
    /// <param name="resource">The resource, for example <c>"threads"</c>.</param>
    /// <param name="action">The action, for example <c>"create"</c>.</param>
    public AuthContext(IAuthUser user, IReadOnlyList<string> permissions, string resource, string action)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(action);
        User = user;
        Permissions = permissions;
        Resource = resource;
        Action = action;
    }

    /// <summary>Gets the authenticated user.</summary>
    public IAuthUser User { get; }

    /// <summary>Gets the user's permissions (the JS server calls them scopes).</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <summary>Gets the resource being accessed: <c>threads</c>, <c>assistants</c>, <c>crons</c> or <c>store</c>.</summary>
    public string Resource { get; }

    /// <summary>Gets the action being performed, for example <c>create</c>, <c>read</c> or <c>create_run</c>.</summary>
    public string Action { get; }

    /// <summary>Gets the event name, <c>"resource:action"</c>, as the JS server's handler context has it.</summary>
    public string Event => $"{Resource}:{Action}";

    /// <inheritdoc />
    public bool Equals(AuthContext other) =>
        ReferenceEquals(User, other.User) && ReferenceEquals(Permissions, other.Permissions) &&
        string.Equals(Resource, other.Resource, StringComparison.Ordinal) && string.Equals(Action, other.Action, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AuthContext other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(User, Permissions, Resource, Action);

    /// <summary>Compares two contexts.</summary>
    /// <param name="left">The first context.</param>
    /// <param name="right">The second context.</param>
    /// <returns>True when they hold the same user, permissions, resource and action.</returns>
    public static bool operator ==(AuthContext left, AuthContext right) => left.Equals(right);

    /// <summary>Compares two contexts.</summary>
    /// <param name="left">The first context.</param>
    /// <param name="right">The second context.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(AuthContext left, AuthContext right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => $"{Resource}:{Action} for {User?.Identity}";
}

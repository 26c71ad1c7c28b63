using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// What <see cref="Auth.HandleAsync"/> decided for one request: allowed (with the user, the event's value as the handler
/// left it, and the filter to apply to stored resources) or denied (with the status, detail and headers to answer with).
/// </summary>
/// <remarks>
/// <code>
/// AuthOutcome outcome = await auth.HandleAsync(request, cancellationToken);
/// if (!outcome.IsAllowed)
/// {
///     return Results.Text(outcome.Denial!.Detail, statusCode: outcome.Denial.StatusCode); // plus outcome.Denial.Headers
/// }
/// // use outcome.Value (for example the ThreadsCreate with its stamped metadata) and outcome.Filter,
/// // and outcome.ApplyToConfigurable(runConfig.Configurable) when starting a run.
/// </code>
/// </remarks>
public readonly struct AuthOutcome
{
    private readonly IReadOnlyList<string>? _permissions;
    private readonly IReadOnlyList<AuthEventResult>? _events;

    /// <summary>Gets whether the request may proceed. A default instance is not allowed.</summary>
    public bool IsAllowed { get; internal init; }

    /// <summary>Gets why the request was denied (status, detail, headers), or null when it is allowed.</summary>
    public AuthHttpException? Denial { get; internal init; }

    /// <summary>Gets the authenticated user, or null (exempt route, no authenticate handler, or authentication failed).</summary>
    public IAuthUser? User { get; internal init; }

    /// <summary>Gets the user's permissions; empty when there is no user.</summary>
    public IReadOnlyList<string> Permissions { get => _permissions ?? []; internal init => _permissions = value; }

    /// <summary>Gets the route the request matched.</summary>
    public AuthRouteMatch Route { get; internal init; }

    /// <summary>
    /// Gets every event that ran, in the server's order (see <see cref="AuthRequest.Events"/>); when the request was
    /// denied by a handler, the last one is the event that denied it. Empty when no event ran.
    /// </summary>
    public IReadOnlyList<AuthEventResult> Events
    {
        get => _events ?? (IsAllowed && Resource is not null && Value is not null ? [new AuthEventResult(Resource, Action!, Value, Filter, true)] : []);
        internal init => _events = value;
    }

    /// <summary>Gets the resource of the (first) event that was authorized, or null when none was (exempt, unknown or authentication-only route, or a denial).</summary>
    public string? Resource { get; internal init; }

    /// <summary>Gets the action of the (first) event that was authorized (for a protocol command, the one its body chose), or null.</summary>
    public string? Action { get; internal init; }

    /// <summary>
    /// Gets the (first) event's value as the handler left it (for example a <see cref="ThreadsCreate"/> whose metadata the handler
    /// stamped): store that, not the raw body. For <c>POST /runs/batch</c>, a <see cref="RunsCreate"/> array. Null when no
    /// event was authorized.
    /// </summary>
    public object? Value { get; internal init; }

    /// <summary>
    /// Gets the filter the (first) event's handler returned, or null for none; the other events' are in <see cref="Events"/>. Apply it to stored resources with
    /// <see cref="AuthFilter.IsAuthMatching(JsonObject?, AuthFilter?)"/>: a thread that does not match is "not found".
    /// </summary>
    public AuthFilter? Filter { get; internal init; }

    /// <summary>
    /// Sets <c>langgraph_auth_user</c>, <c>langgraph_auth_user_id</c> and <c>langgraph_auth_permissions</c> in a run's
    /// <c>configurable</c> (see <see cref="AuthConfigurable.Apply"/>), overwriting what the client sent. Does nothing when
    /// there is no user, as the server does when no auth is configured.
    /// </summary>
    /// <param name="configurable">The run's <c>config.configurable</c> object.</param>
    /// <returns>True when the entries were set.</returns>
    public bool ApplyToConfigurable(IDictionary<string, JsonNode?> configurable)
    {
        ArgumentNullException.ThrowIfNull(configurable);
        if (User is null)
        {
            return false;
        }

        AuthConfigurable.Apply(configurable, User);
        return true;
    }

    /// <summary>A denial: no event value or filter, and the events that ran (the last one the denied event), if any.</summary>
    internal static AuthOutcome Denied(AuthRouteMatch route, IAuthUser? user, AuthHttpException denial, AuthEventResult[]? events = null) => new()
    {
        IsAllowed = false,
        Route = route,
        User = user,
        Permissions = user?.Permissions ?? [],
        Denial = denial,
        Events = events ?? [],
    };

    /// <inheritdoc />
    public override string ToString() =>
        IsAllowed ? $"Allowed {Resource}:{Action} for {User?.Identity ?? "(no user)"}" : $"Denied: {Denial?.Message}";
}

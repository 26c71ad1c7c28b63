using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth.Handlers;

namespace LangGraph.Sdk.Auth;

public sealed partial class Auth
{
    private const string StudioSchemeHeader = "x-auth-scheme";
    private const string StudioScheme = "langsmith";

    /// <summary>
    /// Handles one request as the LangGraph server does, in one call: refuses a target with no canonical path, skips
    /// exempt routes (<c>/info</c>, <c>GET /ui/…</c>), authenticates, classifies the route, then runs every event that
    /// gates on the server for that request, in the server's order (see <see cref="AuthRequest.Events"/>): for each, it
    /// builds the value as the server does and runs the one <c>[On]</c> handler that guards it; the first denial wins.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the handlers.</param>
    /// <returns>
    /// The outcome: allowed, with the user, the first event's value as the handler left it and its filter, and every
    /// event in <see cref="AuthOutcome.Events"/>; or denied, with the <see cref="AuthHttpException"/> (the refusal's 400 or
    /// 404 for a target with no canonical path, before authentication; 401 or whatever a handler threw; 403 for a handler
    /// that returned false; 409 for a copy whose source thread the host does not find or the read filter hides; 500 for an
    /// authenticate handler that returned no user).
    /// </returns>
    /// <remarks>
    /// Exceptions other than <see cref="AuthHttpException"/> that a handler throws are not caught; the server answers them
    /// with 500. A single-event request completes synchronously, without allocating, when the handlers do.
    /// </remarks>
    /// <exception cref="InvalidOperationException">A thread copy, and the request has no <see cref="AuthRequest.ThreadMetadataLoader"/>.</exception>
    public ValueTask<AuthOutcome> HandleAsync(AuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engine = GetEngine();
        var route = request.Route;
        if (route.IsRefused)
        {
            return new(Denied(route, null, route.Refusal!));
        }

        if (route.IsExempt || engine.Authenticate is null)
        {
            // As the server: exempt routes skip auth; with no authenticate handler nobody is authenticated and no [On] handler runs.
            return new(new AuthOutcome(true, route, null, null, null, null, null, null, null));
        }

        if (engine.StudioAuth && IsStudioRequest(request))
        {
            return Authorize(engine, request, route, StudioUser.LangGraphStudio, cancellationToken);
        }

        ValueTask<IAuthUser?> pending;
        try
        {
            pending = engine.Authenticate.InvokeAsync(request, cancellationToken);
        }
        catch (AuthHttpException denial)
        {
            return new(Denied(route, null, denial));
        }

        return pending.IsCompletedSuccessfully
            ? Authorize(engine, request, route, pending.Result, cancellationToken)
            : AwaitAuthenticationAsync(engine, request, route, pending, cancellationToken);
    }

    /// <summary>
    /// Runs only the authentication step of <see cref="HandleAsync"/> (the Studio header, then the authenticate handler),
    /// for hosts that authorize events themselves with <see cref="AuthorizeAsync"/>.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the handler.</param>
    /// <returns>The user, or null when no authenticate handler is registered (requests are then not authenticated).</returns>
    /// <exception cref="AuthHttpException">The handler rejected the request, or returned no user (500).</exception>
    public ValueTask<IAuthUser?> AuthenticateAsync(AuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var engine = GetEngine();
        if (engine.Authenticate is null)
        {
            return default;
        }

        if (engine.StudioAuth && IsStudioRequest(request))
        {
            return new(StudioUser.LangGraphStudio);
        }

        var pending = engine.Authenticate.InvokeAsync(request, cancellationToken);
        return pending.IsCompletedSuccessfully ? new(Checked(engine, pending.Result)) : Await(engine, pending);

        static async ValueTask<IAuthUser?> Await(Engine engine, ValueTask<IAuthUser?> pending) =>
            Checked(engine, await pending.ConfigureAwait(false));

        static IAuthUser Checked(Engine engine, IAuthUser? user) => IsValidUser(user) ? user! : throw InvalidUser(engine, user);
    }

    /// <summary>
    /// Runs the one handler that guards an event (the JS server's <c>handleAuthEvent</c>): picked by
    /// <c>resource:action</c> → <c>resource</c> → <c>*:action</c> → <c>*</c>; none means allowed. For hosts that build
    /// values themselves, such as the second step of a thread copy.
    /// </summary>
    /// <param name="user">The authenticated user; null only when no authenticate handler is registered (the event is then allowed).</param>
    /// <param name="resource">The resource, for example <c>"threads"</c>.</param>
    /// <param name="action">The action, for example <c>"create"</c>.</param>
    /// <param name="value">The event's value (for <c>threads:create</c> a <see cref="ThreadsCreate"/>); the handler may change it.</param>
    /// <param name="cancellationToken">Cancels the handler.</param>
    /// <returns>The filter the handler returned, or null when it allowed without one (or no handler guards the event).</returns>
    /// <exception cref="ArgumentException">The event is unknown, or <paramref name="value"/> is not of the event's value type.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is null while an authenticate handler is registered.</exception>
    /// <exception cref="AuthHttpException">The handler denied the event (403) or threw.</exception>
    public ValueTask<AuthFilter?> AuthorizeAsync(IAuthUser? user, string resource, string action, object value, CancellationToken cancellationToken = default)
    {
        var (r, a) = ParseEvent(resource, action);
        ArgumentNullException.ThrowIfNull(value);
        var expected = AuthEvents.ValueType(r, a)!;
        if (value.GetType() != expected)
        {
            throw new ArgumentException($"The {resource}:{action} event carries a {expected.Name}, not a {value.GetType().Name}.", nameof(value));
        }

        var engine = GetEngine();
        if (user is null)
        {
            return engine.Authenticate is null ? default : throw new ArgumentNullException(nameof(user), "An authenticate handler is registered, so every event needs the authenticated user.");
        }

        var registration = engine.Resolved[(r * AuthEvents.ActionCount) + a];
        if (registration is null)
        {
            return default;
        }

        var context = new AuthContext(user, user.Permissions ?? [], AuthEvents.ResourceNames[r], AuthEvents.ActionNames[a]);
        var pending = registration.Handler.InvokeAsync(context, value, cancellationToken);
        return pending.IsCompletedSuccessfully ? new(ToFilter(pending.Result)) : Await(pending);

        static async ValueTask<AuthFilter?> Await(ValueTask<AuthResult?> pending) => ToFilter(await pending.ConfigureAwait(false));

        static AuthFilter? ToFilter(AuthResult? result) =>
            result is null || result.IsAllowed ? result as AuthFilter : throw new AuthHttpException(403);
    }

    private static bool IsStudioRequest(AuthRequest request) =>
        request.Headers.TryGetValue(StudioSchemeHeader, out var scheme) && scheme == StudioScheme;

    private static bool IsValidUser(IAuthUser? user) => user?.Identity is not null;

    private static AuthHttpException InvalidUser(Engine engine, IAuthUser? user) => new(
        500,
        null,
        null,
        new InvalidOperationException(user is null
            ? $"Invalid auth response received: [Authenticate] handler {engine.Authenticate!.Name} returned no user. Return a MinimalUserDict, a string identity or an IAuthUser, or throw AuthHttpException to reject the request."
            : $"Invalid auth response received: [Authenticate] handler {engine.Authenticate!.Name} returned a {user.GetType().Name} whose Identity is null; a user needs an identity."));

    private static AuthOutcome Denied(AuthRouteMatch route, IAuthUser? user, AuthHttpException denial) =>
        new(false, route, user, user is null ? null : user.Permissions ?? [], null, null, null, null, denial);

    private static async ValueTask<AuthOutcome> AwaitAuthenticationAsync(
        Engine engine, AuthRequest request, AuthRouteMatch route, ValueTask<IAuthUser?> pending, CancellationToken cancellationToken)
    {
        IAuthUser? user;
        try
        {
            user = await pending.ConfigureAwait(false);
        }
        catch (AuthHttpException denial)
        {
            return Denied(route, null, denial);
        }

        return await Authorize(engine, request, route, user, cancellationToken).ConfigureAwait(false);
    }

    private static ValueTask<AuthOutcome> Authorize(Engine engine, AuthRequest request, AuthRouteMatch route, IAuthUser? user, CancellationToken cancellationToken)
    {
        if (!IsValidUser(user))
        {
            return new(Denied(route, null, InvalidUser(engine, user)));
        }

        var permissions = user!.Permissions ?? [];
        if (route.Kind != AuthRouteKind.Authorized)
        {
            return new(new AuthOutcome(true, route, user, permissions, null, null, null, null, null));
        }

        var r = route.Route!.ResourceIndex;
        var a = route.Route.ActionIndex;
        var value = route.Route.ValueFactory!(request, route, ref a);
        if (value is RunsCreate[] batch)
        {
            return AuthorizeBatchAsync(engine, request, route, user, permissions, batch, cancellationToken);
        }

        var followUp = AuthRoutes.FollowUpOf(route.Route, request);
        if (followUp != Routing.FollowUp.None || NeedsAssistantId(request, value))
        {
            return AuthorizeSequenceAsync(engine, request, route, user, permissions, r, a, value, followUp, cancellationToken);
        }

        var registration = engine.Resolved[(r * AuthEvents.ActionCount) + a];
        if (registration is null)
        {
            return new(Allowed(route, user, permissions, r, a, value, null));
        }

        var context = new AuthContext(user, permissions, AuthEvents.ResourceNames[r], AuthEvents.ActionNames[a]);
        ValueTask<AuthResult?> pending;
        try
        {
            pending = registration.Handler.InvokeAsync(context, value, cancellationToken);
        }
        catch (AuthHttpException denial)
        {
            return new(DeniedAt(route, user, denial, [Event(r, a, value, null, false)]));
        }

        return pending.IsCompletedSuccessfully
            ? new(Decide(route, user, permissions, r, a, value, pending.Result))
            : AwaitDecisionAsync(route, user, permissions, r, a, value, pending);
    }

    private static async ValueTask<AuthOutcome> AwaitDecisionAsync(
        AuthRouteMatch route, IAuthUser user, IReadOnlyList<string> permissions, int r, int a, object value, ValueTask<AuthResult?> pending)
    {
        try
        {
            return Decide(route, user, permissions, r, a, value, await pending.ConfigureAwait(false));
        }
        catch (AuthHttpException denial)
        {
            return DeniedAt(route, user, denial, [Event(r, a, value, null, false)]);
        }
    }

    private static async ValueTask<AuthOutcome> AuthorizeBatchAsync(
        Engine engine, AuthRequest request, AuthRouteMatch route, IAuthUser user, IReadOnlyList<string> permissions, RunsCreate[] batch, CancellationToken cancellationToken)
    {
        var r = AuthEvents.Threads;
        var a = AuthEvents.CreateRun;
        var events = new List<AuthEventResult>(batch.Length);
        foreach (var run in batch)
        {
            await ResolveAssistantIdAsync(request, run, cancellationToken).ConfigureAwait(false);
            var (allowed, filter, denial) = await RunEventAsync(engine, user, permissions, r, a, run, cancellationToken).ConfigureAwait(false);
            events.Add(Event(r, a, run, filter, allowed));
            if (!allowed)
            {
                return DeniedAt(route, user, denial!, [.. events]);
            }
        }

        // Stateless runs each create a new thread, so there is no stored thread a filter could apply to.
        return new AuthOutcome(true, route, user, permissions, AuthEvents.ResourceNames[r], AuthEvents.ActionNames[a], batch, null, null, [.. events]);
    }

    private static AuthOutcome Decide(AuthRouteMatch route, IAuthUser user, IReadOnlyList<string> permissions, int r, int a, object value, AuthResult? result) =>
        result is null || result.IsAllowed
            ? Allowed(route, user, permissions, r, a, value, result as AuthFilter)
            : DeniedAt(route, user, new AuthHttpException(403), [Event(r, a, value, null, false)]);

    private static AuthOutcome Allowed(AuthRouteMatch route, IAuthUser user, IReadOnlyList<string> permissions, int r, int a, object value, AuthFilter? filter) =>
        new(true, route, user, permissions, AuthEvents.ResourceNames[r], AuthEvents.ActionNames[a], value, filter, null);
}

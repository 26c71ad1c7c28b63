using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth.Routing;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>
/// The immutable engine an <see cref="Auth"/> becomes at its first request: every event already resolved to the one
/// handler that guards it, so a request reads a frozen table and takes no lock.
/// </summary>
internal sealed class AuthEngine
{
    private const string StudioSchemeHeader = "x-auth-scheme";
    private const string StudioScheme = "langsmith";

    private readonly EventTable<Registration> _guards;

    public AuthEngine(AuthSetup setup)
    {
        Setup = setup;
        _guards = EventTable<Registration>.From(AuthEvents.All.Select(e => new KeyValuePair<AuthEvent, Registration?>(e, setup.GuardOf(e))));
    }

    /// <summary>Gets the configuration the engine was built from.</summary>
    public AuthSetup Setup { get; }

    /// <summary>The handler that guards an event, or null when none does (the event is then allowed).</summary>
    public Registration? GuardOf(AuthEvent authEvent) => _guards[authEvent];

    /// <summary>See <see cref="Auth.HandleAsync"/>.</summary>
    /// <remarks>
    /// Every step returns a <see cref="ValueTask{TResult}"/> and continues without a state machine when the step before it
    /// completed synchronously (the common case: handlers that return a value); a step that did not is awaited by the same
    /// code, so there is one path whichever way the handlers complete.
    /// </remarks>
    public ValueTask<AuthOutcome> HandleAsync(AuthRequest request, CancellationToken cancellationToken)
    {
        var route = request.Route;
        if (route.IsRefused)
        {
            return new(AuthOutcome.Denied(route, null, route.Refusal!));
        }

        if (route.IsExempt || Setup.Authenticate is null)
        {
            // As the server: exempt routes skip auth; with no authenticate handler nobody is authenticated and no [On] handler runs.
            return new(new AuthOutcome { IsAllowed = true, Route = route });
        }

        ValueTask<IAuthUser?> authenticating;
        try
        {
            authenticating = AuthenticateAsync(request, cancellationToken);
        }
        catch (AuthHttpException denial)
        {
            return new(AuthOutcome.Denied(route, null, denial));
        }

        return authenticating.IsCompletedSuccessfully
            ? AuthenticatedAsync(request, route, authenticating.Result!, cancellationToken)
            : AwaitAuthenticationAsync(request, route, authenticating, cancellationToken);
    }

    /// <summary>See <see cref="Auth.AuthenticateAsync"/>: the Studio header, then the authenticate handler; null when there is none.</summary>
    public ValueTask<IAuthUser?> AuthenticateAsync(AuthRequest request, CancellationToken cancellationToken)
    {
        var handler = Setup.Authenticate;
        if (handler is null)
        {
            return default;
        }

        if (Setup.EnableStudioAuth && request.Headers.TryGetValue(StudioSchemeHeader, out var scheme) && scheme == StudioScheme)
        {
            return new(StudioUser.LangGraphStudio);
        }

        var pending = handler.InvokeAsync(request, cancellationToken);
        return pending.IsCompletedSuccessfully ? new(Checked(handler, pending.Result)) : AwaitAsync(handler, pending);

        static async ValueTask<IAuthUser?> AwaitAsync(AuthenticateHandler handler, ValueTask<IAuthUser?> pending) =>
            Checked(handler, await pending.ConfigureAwait(false));
    }

    /// <summary>See <see cref="Auth.AuthorizeAsync"/>: runs the handler that guards an event; its exceptions, and 403 for false, propagate.</summary>
    public ValueTask<AuthFilter?> AuthorizeAsync(IAuthUser user, AuthEvent authEvent, object value, CancellationToken cancellationToken)
    {
        var pending = InvokeGuardAsync(user, user.Permissions ?? [], authEvent, value, cancellationToken);
        return pending.IsCompletedSuccessfully ? new(FilterOf(pending.Result)) : AwaitAsync(pending);

        static async ValueTask<AuthFilter?> AwaitAsync(ValueTask<AuthResult?> pending) => FilterOf(await pending.ConfigureAwait(false));

        static AuthFilter? FilterOf(AuthResult? result)
        {
            var decision = EventDecision.From(result);
            return decision.Denial is { } denial ? throw denial : decision.Filter;
        }
    }

    /// <summary>A user with an identity, or the 500 the server answers for a handler that returned none.</summary>
    private static IAuthUser Checked(AuthenticateHandler handler, IAuthUser? user) =>
        user?.Identity is not null ? user : throw new AuthHttpException(
            500,
            null,
            null,
            new InvalidOperationException(user is null
                ? $"Invalid auth response received: [Authenticate] handler {handler.Name} returned no user. Return a MinimalUserDict, a string identity or an IAuthUser, or throw AuthHttpException to reject the request."
                : $"Invalid auth response received: [Authenticate] handler {handler.Name} returned a {user.GetType().Name} whose Identity is null; a user needs an identity."));

    /// <summary>The rest of <see cref="HandleAsync"/> when the authenticate handler did not complete synchronously.</summary>
    private async ValueTask<AuthOutcome> AwaitAuthenticationAsync(
        AuthRequest request, AuthRouteMatch route, ValueTask<IAuthUser?> authenticating, CancellationToken cancellationToken)
    {
        IAuthUser user;
        try
        {
            user = (await authenticating.ConfigureAwait(false))!;
        }
        catch (AuthHttpException denial)
        {
            return AuthOutcome.Denied(route, null, denial);
        }

        return await AuthenticatedAsync(request, route, user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After authentication: a route with no events is allowed; an authorized one runs its events.</summary>
    private ValueTask<AuthOutcome> AuthenticatedAsync(AuthRequest request, AuthRouteMatch route, IAuthUser user, CancellationToken cancellationToken) =>
        route.Kind != AuthRouteKind.Authorized
            ? new(new AuthOutcome { IsAllowed = true, Route = route, User = user, Permissions = user.Permissions ?? [] })
            : AuthorizeRouteAsync(request, route, user, cancellationToken);

    /// <summary>
    /// Runs every event of an authorized route in the server's order (see <see cref="AuthRequest.Events"/>), resolving
    /// assistant ids first; the first denial wins.
    /// </summary>
    private ValueTask<AuthOutcome> AuthorizeRouteAsync(AuthRequest request, AuthRouteMatch route, IAuthUser user, CancellationToken cancellationToken)
    {
        var permissions = user.Permissions ?? [];
        var value = route.Route!.ValueFactory!(request, route);
        if (value is RunsCreate[] batch)
        {
            return AuthorizeBatchAsync(request, route, user, permissions, batch, cancellationToken);
        }

        var first = AuthRoutes.FirstEventOf(route.Route, request);
        var followUp = AuthRoutes.FollowUpOf(route.Route, request);
        var resolving = ResolveAssistantIdAsync(request, value, cancellationToken);
        if (resolving.IsCompletedSuccessfully && followUp == FollowUp.None)
        {
            var deciding = RunEventAsync(user, permissions, first, value, cancellationToken);
            if (deciding.IsCompletedSuccessfully)
            {
                return new(FirstEventOutcome(route, user, permissions, first, value, deciding.Result));
            }

            return AwaitFirstEventAsync(route, user, permissions, first, value, deciding);
        }

        return AuthorizeRouteSlowAsync(request, route, user, permissions, first, followUp, value, resolving, cancellationToken);
    }

    /// <summary>A single-event route whose handler did not complete synchronously.</summary>
    private static async ValueTask<AuthOutcome> AwaitFirstEventAsync(
        AuthRouteMatch route, IAuthUser user, IReadOnlyList<string> permissions, AuthEvent first, object value, ValueTask<EventDecision> deciding) =>
        FirstEventOutcome(route, user, permissions, first, value, await deciding.ConfigureAwait(false));

    /// <summary>A route whose assistant id is being resolved, or that has follow-up events.</summary>
    private async ValueTask<AuthOutcome> AuthorizeRouteSlowAsync(
        AuthRequest request,
        AuthRouteMatch route,
        IAuthUser user,
        IReadOnlyList<string> permissions,
        AuthEvent first,
        FollowUp followUp,
        object value,
        ValueTask resolving,
        CancellationToken cancellationToken)
    {
        await resolving.ConfigureAwait(false);
        var decision = await RunEventAsync(user, permissions, first, value, cancellationToken).ConfigureAwait(false);
        var outcome = FirstEventOutcome(route, user, permissions, first, value, decision);
        if (!decision.IsAllowed || followUp == FollowUp.None)
        {
            return outcome;
        }

        var events = new List<AuthEventResult>(3) { decision.ToResult(first, value) };
        var denial = await RunFollowUpAsync(followUp, request, route, user, permissions, decision.Filter, events, cancellationToken).ConfigureAwait(false);
        return denial is null ? outcome with { Events = [.. events] } : AuthOutcome.Denied(route, user, denial, [.. events]);
    }

    /// <summary>The outcome of a route's first event: denied with that event, or allowed with its value and filter.</summary>
    private static AuthOutcome FirstEventOutcome(
        AuthRouteMatch route, IAuthUser user, IReadOnlyList<string> permissions, AuthEvent first, object value, EventDecision decision) =>
        decision.IsAllowed
            ? new AuthOutcome
            {
                IsAllowed = true,
                Route = route,
                User = user,
                Permissions = permissions,
                Resource = first.ResourceName,
                Action = first.ActionName,
                Value = value,
                Filter = decision.Filter,
            }
            : AuthOutcome.Denied(route, user, decision.Denial!, [decision.ToResult(first, value)]);

    /// <summary>Runs the events the server runs after a route's first one; returns the denial, or null when all were allowed.</summary>
    private async ValueTask<AuthHttpException?> RunFollowUpAsync(
        FollowUp followUp,
        AuthRequest request,
        AuthRouteMatch route,
        IAuthUser user,
        IReadOnlyList<string> permissions,
        AuthFilter? firstFilter,
        List<AuthEventResult> events,
        CancellationToken cancellationToken)
    {
        switch (followUp)
        {
            case FollowUp.Supersteps:
                // The server applies the supersteps to the thread it just created: the body's thread_id (it generates one when absent).
                var threadId = new JsonBody(request.Body).String("thread_id");
                return await NextAsync(AuthEvent.ThreadsUpdate, new ThreadsUpdate { ThreadId = threadId }).ConfigureAwait(false) ??
                    await NextAsync(AuthEvent.ThreadsRead, new ThreadsRead { ThreadId = threadId }).ConfigureAwait(false);

            case FollowUp.Read:
                return await NextAsync(AuthEvent.ThreadsRead, new ThreadsRead { ThreadId = route.ThreadId }).ConfigureAwait(false);

            case FollowUp.Copy:
                var loader = request.ThreadMetadataLoader ?? throw new InvalidOperationException(
                    $"A thread copy runs threads:create with a value built from the stored thread; set {nameof(AuthRequest)}.{nameof(AuthRequest.ThreadMetadataLoader)} on the request.");
                var stored = await loader(route.ThreadId!, cancellationToken).ConfigureAwait(false);
                if (stored is null || !AuthFilter.IsAuthMatching(stored, firstFilter))
                {
                    // As the server: a missing source, or one the read filter hides, is "Thread not found" (409), before the create.
                    return new AuthHttpException(409, "Thread not found");
                }

                return await NextAsync(AuthEvent.ThreadsCreate, new ThreadsCreate { Metadata = (JsonObject)stored.DeepClone() }).ConfigureAwait(false);

            case FollowUp.CommandRun:
                var run = AuthRoutes.CommandRun(new JsonBody(request.Body), route);
                await ResolveAssistantIdAsync(request, run, cancellationToken).ConfigureAwait(false);
                return await NextAsync(AuthEvent.ThreadsCreateRun, run).ConfigureAwait(false);

            default:
                return null;
        }

        async ValueTask<AuthHttpException?> NextAsync(AuthEvent next, object value)
        {
            var decision = await RunEventAsync(user, permissions, next, value, cancellationToken).ConfigureAwait(false);
            events.Add(decision.ToResult(next, value));
            return decision.Denial;
        }
    }

    /// <summary><c>POST /runs/batch</c>: <c>threads:create_run</c> for each run, in order; the first denial wins.</summary>
    private async ValueTask<AuthOutcome> AuthorizeBatchAsync(
        AuthRequest request, AuthRouteMatch route, IAuthUser user, IReadOnlyList<string> permissions, RunsCreate[] batch, CancellationToken cancellationToken)
    {
        var events = new List<AuthEventResult>(batch.Length);
        foreach (var run in batch)
        {
            await ResolveAssistantIdAsync(request, run, cancellationToken).ConfigureAwait(false);
            var decision = await RunEventAsync(user, permissions, AuthEvent.ThreadsCreateRun, run, cancellationToken).ConfigureAwait(false);
            events.Add(decision.ToResult(AuthEvent.ThreadsCreateRun, run));
            if (!decision.IsAllowed)
            {
                return AuthOutcome.Denied(route, user, decision.Denial!, [.. events]);
            }
        }

        // Stateless runs each create a new thread, so there is no stored thread a filter could apply to.
        return new AuthOutcome
        {
            IsAllowed = true,
            Route = route,
            User = user,
            Permissions = permissions,
            Resource = AuthEvent.ThreadsCreateRun.ResourceName,
            Action = AuthEvent.ThreadsCreateRun.ActionName,
            Value = batch,
            Events = [.. events],
        };
    }

    /// <summary>Runs the handler that guards an event; a handler's <see cref="AuthHttpException"/> and a false result are denials.</summary>
    private ValueTask<EventDecision> RunEventAsync(
        IAuthUser user, IReadOnlyList<string> permissions, AuthEvent authEvent, object value, CancellationToken cancellationToken)
    {
        ValueTask<AuthResult?> pending;
        try
        {
            pending = InvokeGuardAsync(user, permissions, authEvent, value, cancellationToken);
        }
        catch (AuthHttpException denial)
        {
            return new(new EventDecision(null, denial));
        }

        return pending.IsCompletedSuccessfully ? new(EventDecision.From(pending.Result)) : AwaitAsync(pending);

        static async ValueTask<EventDecision> AwaitAsync(ValueTask<AuthResult?> pending)
        {
            try
            {
                return EventDecision.From(await pending.ConfigureAwait(false));
            }
            catch (AuthHttpException denial)
            {
                return new EventDecision(null, denial);
            }
        }
    }

    /// <summary>Calls the handler that guards an event; no handler allows (null).</summary>
    private ValueTask<AuthResult?> InvokeGuardAsync(
        IAuthUser user, IReadOnlyList<string> permissions, AuthEvent authEvent, object value, CancellationToken cancellationToken) =>
        GuardOf(authEvent) is { } guard
            ? guard.Handler.InvokeAsync(new AuthContext(user, permissions, authEvent.ResourceName, authEvent.ActionName), value, cancellationToken)
            : default;

    /// <summary>Replaces a graph id by the assistant's UUID, as the server does before its handlers run.</summary>
    private static ValueTask ResolveAssistantIdAsync(AuthRequest request, object value, CancellationToken cancellationToken)
    {
        return request.AssistantIdResolver is not { } resolver || AssistantIdOf(value) is not { } id || Guid.TryParse(id, out _)
            ? default
            : ResolveAsync(resolver, id, value, cancellationToken);

        static async ValueTask ResolveAsync(Func<string, CancellationToken, ValueTask<string?>> resolver, string id, object value, CancellationToken cancellationToken)
        {
            if (await resolver(id, cancellationToken).ConfigureAwait(false) is not { } resolved)
            {
                return;
            }

            switch (value)
            {
                case RunsCreate run:
                    run.AssistantId = resolved;
                    break;
                case AssistantsRead read:
                    read.AssistantId = resolved;
                    break;
                case AssistantsUpdate update:
                    update.AssistantId = resolved;
                    break;
                case AssistantsDelete delete:
                    delete.AssistantId = resolved;
                    break;
            }
        }
    }

    private static string? AssistantIdOf(object value) => value switch
    {
        RunsCreate run => run.AssistantId,
        AssistantsRead read => read.AssistantId,
        AssistantsUpdate update => update.AssistantId,
        AssistantsDelete delete => delete.AssistantId,
        _ => null,
    };
}

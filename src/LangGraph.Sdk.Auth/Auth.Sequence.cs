using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth.Handlers;
using LangGraph.Sdk.Auth.Routing;

namespace LangGraph.Sdk.Auth;

public sealed partial class Auth
{
    /// <summary>
    /// Runs a request's events after its first one, as the server does (supersteps, runs list, state update, copy, protocol
    /// <c>input.respond</c>), and resolves assistant ids; the first denial wins.
    /// </summary>
    private static async ValueTask<AuthOutcome> AuthorizeSequenceAsync(
        Engine engine,
        AuthRequest request,
        AuthRouteMatch route,
        IAuthUser user,
        IReadOnlyList<string> permissions,
        int r,
        int a,
        object value,
        FollowUp followUp,
        CancellationToken cancellationToken)
    {
        var events = new List<AuthEventResult>(3);
        await ResolveAssistantIdAsync(request, value, cancellationToken).ConfigureAwait(false);
        var (allowed, filter, denial) = await RunEventAsync(engine, user, permissions, r, a, value, cancellationToken).ConfigureAwait(false);
        events.Add(Event(r, a, value, filter, allowed));
        if (!allowed)
        {
            return DeniedAt(route, user, denial!, [.. events]);
        }

        var first = new AuthOutcome(true, route, user, permissions, AuthEvents.ResourceNames[r], AuthEvents.ActionNames[a], value, filter, null);
        var threadId = route.ThreadId;
        switch (followUp)
        {
            case FollowUp.Supersteps:
                // The server applies the supersteps to the thread it just created: the body's thread_id (it generates one when absent).
                threadId = new JsonBody(request.Body).String("thread_id");
                if (!await Next(AuthEvents.Update, new ThreadsUpdate { ThreadId = threadId }).ConfigureAwait(false) ||
                    !await Next(AuthEvents.Read, new ThreadsRead { ThreadId = threadId }).ConfigureAwait(false))
                {
                    return DeniedAt(route, user, denial!, [.. events]);
                }

                break;

            case FollowUp.Read:
                if (!await Next(AuthEvents.Read, new ThreadsRead { ThreadId = threadId }).ConfigureAwait(false))
                {
                    return DeniedAt(route, user, denial!, [.. events]);
                }

                break;

            case FollowUp.Copy:
                var loader = request.ThreadMetadataLoader ?? throw new InvalidOperationException(
                    $"A thread copy runs threads:create with a value built from the stored thread; set {nameof(AuthRequest)}.{nameof(AuthRequest.ThreadMetadataLoader)} on the request.");
                var stored = await loader(threadId!, cancellationToken).ConfigureAwait(false);
                if (stored is null || !AuthFilter.IsAuthMatching(stored, filter))
                {
                    // As the server: a missing source, or one the read filter hides, is "Thread not found" (409), before the create.
                    return DeniedAt(route, user, new AuthHttpException(409, "Thread not found"), [.. events]);
                }

                var copy = new ThreadsCreate { Metadata = (JsonObject)stored.DeepClone() };
                if (!await Next(AuthEvents.Create, copy).ConfigureAwait(false))
                {
                    return DeniedAt(route, user, denial!, [.. events]);
                }

                break;

            case FollowUp.CommandRun:
                var run = AuthRoutes.CommandRun(new JsonBody(request.Body), route);
                await ResolveAssistantIdAsync(request, run, cancellationToken).ConfigureAwait(false);
                if (!await Next(AuthEvents.CreateRun, run).ConfigureAwait(false))
                {
                    return DeniedAt(route, user, denial!, [.. events]);
                }

                break;
        }

        return new AuthOutcome(true, route, user, permissions, first.Resource, first.Action, first.Value, first.Filter, null, [.. events]);

        async ValueTask<bool> Next(int action, object next)
        {
            var (ok, nextFilter, nextDenial) = await RunEventAsync(engine, user, permissions, AuthEvents.Threads, action, next, cancellationToken).ConfigureAwait(false);
            events.Add(Event(AuthEvents.Threads, action, next, nextFilter, ok));
            denial = nextDenial;
            return ok;
        }
    }

    /// <summary>Runs the one handler that guards an event; a handler's <see cref="AuthHttpException"/> and a false result are denials.</summary>
    private static async ValueTask<(bool Allowed, AuthFilter? Filter, AuthHttpException? Denial)> RunEventAsync(
        Engine engine, IAuthUser user, IReadOnlyList<string> permissions, int r, int a, object value, CancellationToken cancellationToken)
    {
        var registration = engine.Resolved[(r * AuthEvents.ActionCount) + a];
        if (registration is null)
        {
            return (true, null, null);
        }

        var context = new AuthContext(user, permissions, AuthEvents.ResourceNames[r], AuthEvents.ActionNames[a]);
        try
        {
            var result = await registration.Handler.InvokeAsync(context, value, cancellationToken).ConfigureAwait(false);
            return result is null || result.IsAllowed ? (true, result as AuthFilter, null) : (false, null, new AuthHttpException(403));
        }
        catch (AuthHttpException denial)
        {
            return (false, null, denial);
        }
    }

    /// <summary>Whether the value names an assistant by a graph id that the host's resolver should turn into a UUID.</summary>
    private static bool NeedsAssistantId(AuthRequest request, object value) =>
        request.AssistantIdResolver is not null && AssistantIdOf(value) is { } id && !Guid.TryParse(id, out _);

    private static string? AssistantIdOf(object value) => value switch
    {
        RunsCreate run => run.AssistantId,
        AssistantsRead read => read.AssistantId,
        AssistantsUpdate update => update.AssistantId,
        AssistantsDelete delete => delete.AssistantId,
        _ => null,
    };

    /// <summary>Replaces a graph id by the assistant's UUID, as the server does before its handlers run.</summary>
    private static async ValueTask ResolveAssistantIdAsync(AuthRequest request, object value, CancellationToken cancellationToken)
    {
        if (!NeedsAssistantId(request, value))
        {
            return;
        }

        var resolved = await request.AssistantIdResolver!(AssistantIdOf(value)!, cancellationToken).ConfigureAwait(false);
        if (resolved is null)
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

    private static AuthEventResult Event(int r, int a, object value, AuthFilter? filter, bool allowed) =>
        new(AuthEvents.ResourceNames[r], AuthEvents.ActionNames[a], value, filter, allowed);

    private static AuthOutcome DeniedAt(AuthRouteMatch route, IAuthUser user, AuthHttpException denial, AuthEventResult[] events) =>
        new(false, route, user, user.Permissions ?? [], null, null, null, null, denial, events);
}

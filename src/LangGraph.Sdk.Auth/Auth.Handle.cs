using System;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth;

public sealed partial class Auth
{
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
        return Engine.HandleAsync(request, cancellationToken);
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
        return Engine.AuthenticateAsync(request, cancellationToken);
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
        var authEvent = ParseEvent(resource, action);
        ArgumentNullException.ThrowIfNull(value);
        if (value.GetType() != authEvent.ValueType)
        {
            throw new ArgumentException($"The {resource}:{action} event carries a {authEvent.ValueType.Name}, not a {value.GetType().Name}.", nameof(value));
        }

        var engine = Engine;
        if (user is null)
        {
            return engine.Setup.Authenticate is null
                ? default
                : throw new ArgumentNullException(nameof(user), "An authenticate handler is registered, so every event needs the authenticated user.");
        }

        return engine.AuthorizeAsync(user, authEvent, value, cancellationToken);
    }
}

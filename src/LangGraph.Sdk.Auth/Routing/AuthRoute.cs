using System;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// One route of the LangGraph API and the auth event that guards it: <c>POST /threads</c> → <c>threads:create</c>,
/// <c>GET /threads/{thread_id}/runs/{run_id}</c> → <c>threads:read</c>, and so on. The whole table is
/// <see cref="AuthRoutes.All"/>.
/// </summary>
public sealed class AuthRoute
{
    internal AuthRoute(string method, string template, string? resource, string? action, AuthRouteKind kind, string? note, Routing.ValueFactory? valueFactory, Routing.FollowUp followUp = Routing.FollowUp.None)
    {
        FollowUp = followUp;
        Method = method;
        Template = template;
        Resource = resource;
        Action = action;
        Kind = kind;
        Note = note;
        ValueFactory = valueFactory;
        Segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (resource is not null)
        {
            FirstEvent = Handlers.AuthEvents.TryParse(resource, action, out var first)
                ? first
                : throw new ArgumentException($"{resource}:{action} is not an auth event.", nameof(action));
        }
    }

    /// <summary>Gets the HTTP method, upper-case.</summary>
    public string Method { get; }

    /// <summary>Gets the path template, with parameters in braces, for example <c>/threads/{thread_id}/runs</c>.</summary>
    public string Template { get; }

    /// <summary>Gets the resource of the event that guards the route, or null when no <c>[On]</c> handler runs for it.</summary>
    public string? Resource { get; }

    /// <summary>Gets the action of the event that guards the route, or null when no <c>[On]</c> handler runs for it.</summary>
    public string? Action { get; }

    /// <summary>Gets how the route is guarded.</summary>
    public AuthRouteKind Kind { get; }

    /// <summary>Gets a note on the route (a second event the server checks with stored data, an event chosen from the body, a route the JS dev server does not serve), or null.</summary>
    public string? Note { get; }

    internal string[] Segments { get; }

    /// <summary>Gets the event that guards the route (for a protocol command, unless its body chooses another), or null.</summary>
    internal Handlers.AuthEvent? FirstEvent { get; }

    internal Routing.ValueFactory? ValueFactory { get; }

    internal Routing.FollowUp FollowUp { get; }

    /// <summary>Gets the event name, <c>"resource:action"</c>, or null.</summary>
    public string? Event => Resource is null ? null : $"{Resource}:{Action}";

    /// <inheritdoc />
    public override string ToString() => Resource is null ? $"{Method} {Template} ({Kind})" : $"{Method} {Template} → {Resource}:{Action}";
}

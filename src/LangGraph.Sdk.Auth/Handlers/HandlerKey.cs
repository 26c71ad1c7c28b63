using System.Collections.Generic;
using System.Linq;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>What an <c>[On]</c> registration guards: a resource and an action, either of which may be <c>"*"</c> (null).</summary>
/// <param name="Resource">The resource, or null for every resource.</param>
/// <param name="Action">The action, or null for every action.</param>
internal readonly record struct HandlerKey(EventResource? Resource, EventAction? Action)
{
    /// <summary>Gets the events the key covers.</summary>
    public IEnumerable<AuthEvent> Events => AuthEvents.All.Where(Covers);

    /// <summary>Gets the key's name, <c>"resource:action"</c> with <c>*</c> for a wildcard.</summary>
    public string Name =>
        $"{(Resource is { } r ? AuthEvents.NameOf(r) : AuthResources.Any)}:{(Action is { } a ? AuthEvents.NameOf(a) : AuthActions.Any)}";

    /// <summary>The keys that can guard an event, most specific first: <c>resource:action</c>, <c>resource</c>, <c>*:action</c>, <c>*</c>.</summary>
    /// <param name="authEvent">The event.</param>
    /// <returns>The four keys.</returns>
    public static HandlerKey[] GuardsOf(AuthEvent authEvent) =>
    [
        new(authEvent.Resource, authEvent.Action),
        new(authEvent.Resource, null),
        new(null, authEvent.Action),
        new(null, null),
    ];

    /// <summary>Whether the key covers an event.</summary>
    /// <param name="authEvent">The event.</param>
    /// <returns>True when a handler registered under this key guards the event (unless a more specific one does).</returns>
    public bool Covers(AuthEvent authEvent) =>
        (Resource is null || Resource == authEvent.Resource) && (Action is null || Action == authEvent.Action);

    /// <inheritdoc />
    public override string ToString() => Name;
}

using System;
using System.Collections.Immutable;
using System.Linq;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>
/// The configuration of an <see cref="Auth"/> while handlers are registered: an immutable value, replaced by a new one on
/// each registration, then built once into an <see cref="AuthEngine"/>.
/// </summary>
/// <param name="Authenticate">The authenticate handler, or null.</param>
/// <param name="EnableStudioAuth">Whether the Studio header is trusted.</param>
/// <param name="Registrations">The <c>[On]</c> handlers, in registration order.</param>
internal sealed record AuthSetup(AuthenticateHandler? Authenticate, bool EnableStudioAuth, ImmutableArray<Registration> Registrations)
{
    public static readonly AuthSetup Empty = new(null, false, []);

    /// <summary>Sets the authenticate handler.</summary>
    /// <exception cref="InvalidOperationException">One is already set.</exception>
    public AuthSetup WithAuthenticate(AuthenticateHandler handler) => Authenticate is null
        ? this with { Authenticate = handler }
        : throw new InvalidOperationException(
            $"Authentication handler already set ({Authenticate.Name}); an Auth has exactly one authenticate handler.");

    /// <summary>Validates a registration and adds it; returns the problem instead when there is one.</summary>
    /// <param name="resource">The resource name, or <c>"*"</c>.</param>
    /// <param name="action">The action name, or <c>"*"</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <param name="where">Names the registration in messages.</param>
    /// <param name="next">The setup with the registration added, or this one when there is a problem.</param>
    /// <returns>Null, or what is wrong.</returns>
    public string? TryAdd(string? resource, string? action, OnHandler handler, string where, out AuthSetup next)
    {
        next = this;
        EventResource? r = null;
        if (resource != AuthResources.Any)
        {
            if (!AuthEvents.TryParse(resource, out EventResource parsed))
            {
                return $"{where} names unknown resource \"{resource}\"; the resources are threads, assistants, crons, store and *.";
            }

            r = parsed;
        }

        EventAction? a = null;
        if (action != AuthActions.Any)
        {
            if (!AuthEvents.TryParse(action, out EventAction parsed) || !AuthEvents.All.Any(e => (r is null || e.Resource == r) && e.Action == parsed))
            {
                var owner = r is null ? "no resource has it; the actions are" : $"{resource} has no such action; its actions are";
                return $"{where} names unknown action \"{action}\": {owner} {AuthEvents.ActionsOf(r)} and *.";
            }

            a = parsed;
        }

        var key = new HandlerKey(r, a);
        var covered = key.Events.ToList();
        var mismatches = covered
            .Where(e => !handler.ValueParameterType.IsAssignableFrom(e.ValueType))
            .Select(e => $"{e.Name} carries {e.ValueType.Name}")
            .ToList();
        if (mismatches.Count > 0)
        {
            var fix = covered.Count == 1
                ? $"declare the value parameter as {covered[0].ValueType.Name}"
                : "declare the value parameter as object or IMetadataValue, or register each action separately";
            return $"{where} takes a value of type {handler.ValueParameterType.Name}, which cannot be bound: {string.Join(", ", mismatches)}; {fix}.";
        }

        if (Find(key) is { } existing)
        {
            return $"{where} registers {key.Name}, which {existing.Info.Name} already registered; each (resource, action) pair takes one handler.";
        }

        var info = new AuthHandlerInfo(resource!, action!, handler.Name);
        next = this with { Registrations = Registrations.Add(new Registration(key, handler, info)) };
        return null;
    }

    /// <summary>The handler that guards an event: the most specific registration, or null.</summary>
    public Registration? GuardOf(AuthEvent authEvent) =>
        HandlerKey.GuardsOf(authEvent).Select(Find).FirstOrDefault(r => r is not null);

    private Registration? Find(HandlerKey key) => Registrations.FirstOrDefault(r => r.Key == key);
}

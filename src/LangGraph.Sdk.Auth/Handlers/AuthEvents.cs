using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>
/// The event table of the LangGraph server: which actions each resource has, the value type each event carries, and the
/// wire names of resources and actions.
/// </summary>
internal static class AuthEvents
{
    /// <summary>Every event and the type of the value it carries; a (resource, action) pair not in it is not an event.</summary>
    public static readonly FrozenDictionary<AuthEvent, Type> ValueTypes = new Dictionary<AuthEvent, Type>
    {
        [new(EventResource.Threads, EventAction.Create)] = typeof(ThreadsCreate),
        [new(EventResource.Threads, EventAction.Read)] = typeof(ThreadsRead),
        [new(EventResource.Threads, EventAction.Update)] = typeof(ThreadsUpdate),
        [new(EventResource.Threads, EventAction.Delete)] = typeof(ThreadsDelete),
        [new(EventResource.Threads, EventAction.Search)] = typeof(ThreadsSearch),
        [new(EventResource.Threads, EventAction.CreateRun)] = typeof(RunsCreate),
        [new(EventResource.Assistants, EventAction.Create)] = typeof(AssistantsCreate),
        [new(EventResource.Assistants, EventAction.Read)] = typeof(AssistantsRead),
        [new(EventResource.Assistants, EventAction.Update)] = typeof(AssistantsUpdate),
        [new(EventResource.Assistants, EventAction.Delete)] = typeof(AssistantsDelete),
        [new(EventResource.Assistants, EventAction.Search)] = typeof(AssistantsSearch),
        [new(EventResource.Crons, EventAction.Create)] = typeof(CronsCreate),
        [new(EventResource.Crons, EventAction.Read)] = typeof(CronsRead),
        [new(EventResource.Crons, EventAction.Update)] = typeof(CronsUpdate),
        [new(EventResource.Crons, EventAction.Delete)] = typeof(CronsDelete),
        [new(EventResource.Crons, EventAction.Search)] = typeof(CronsSearch),
        [new(EventResource.Store, EventAction.Put)] = typeof(StorePut),
        [new(EventResource.Store, EventAction.Get)] = typeof(StoreGet),
        [new(EventResource.Store, EventAction.Search)] = typeof(StoreSearch),
        [new(EventResource.Store, EventAction.Delete)] = typeof(StoreDelete),
        [new(EventResource.Store, EventAction.ListNamespaces)] = typeof(StoreListNamespaces),
    }.ToFrozenDictionary();

    /// <summary>Every event, resource by resource, in the order of the enums.</summary>
    public static readonly AuthEvent[] All = [.. ValueTypes.Keys.OrderBy(e => e.Resource).ThenBy(e => e.Action)];

    /// <summary>The number of resources: a dimension of <see cref="EventTable{T}"/>.</summary>
    public static readonly int ResourceCount = Enum.GetValues<EventResource>().Length;

    /// <summary>The number of actions: the other dimension of <see cref="EventTable{T}"/>.</summary>
    public static readonly int ActionCount = Enum.GetValues<EventAction>().Length;

    /// <summary>The value types as a table, read on the hot path (an array read instead of a hash of the event).</summary>
    private static readonly EventTable<Type> ValueTypeTable = EventTable<Type>.From(ValueTypes.Select(p => new KeyValuePair<AuthEvent, Type?>(p.Key, p.Value)));

    public static bool IsEvent(AuthEvent authEvent) => ValueTypeTable[authEvent] is not null;

    /// <summary>The type of the value an event carries.</summary>
    public static Type ValueTypeOf(AuthEvent authEvent) => ValueTypeTable[authEvent]!;

    public static string NameOf(EventResource resource) => resource switch
    {
        EventResource.Threads => AuthResources.Threads,
        EventResource.Assistants => AuthResources.Assistants,
        EventResource.Crons => AuthResources.Crons,
        EventResource.Store => AuthResources.Store,
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    public static string NameOf(EventAction action) => action switch
    {
        EventAction.Create => AuthActions.Create,
        EventAction.Read => AuthActions.Read,
        EventAction.Update => AuthActions.Update,
        EventAction.Delete => AuthActions.Delete,
        EventAction.Search => AuthActions.Search,
        EventAction.CreateRun => AuthActions.CreateRun,
        EventAction.Put => AuthActions.Put,
        EventAction.Get => AuthActions.Get,
        EventAction.ListNamespaces => AuthActions.ListNamespaces,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>Parses a resource name (not <c>"*"</c>).</summary>
    public static bool TryParse(string? name, out EventResource resource)
    {
        (var known, resource) = name switch
        {
            AuthResources.Threads => (true, EventResource.Threads),
            AuthResources.Assistants => (true, EventResource.Assistants),
            AuthResources.Crons => (true, EventResource.Crons),
            AuthResources.Store => (true, EventResource.Store),
            _ => (false, default(EventResource)),
        };
        return known;
    }

    /// <summary>Parses an action name (not <c>"*"</c>).</summary>
    public static bool TryParse(string? name, out EventAction action)
    {
        (var known, action) = name switch
        {
            AuthActions.Create => (true, EventAction.Create),
            AuthActions.Read => (true, EventAction.Read),
            AuthActions.Update => (true, EventAction.Update),
            AuthActions.Delete => (true, EventAction.Delete),
            AuthActions.Search => (true, EventAction.Search),
            AuthActions.CreateRun => (true, EventAction.CreateRun),
            AuthActions.Put => (true, EventAction.Put),
            AuthActions.Get => (true, EventAction.Get),
            AuthActions.ListNamespaces => (true, EventAction.ListNamespaces),
            _ => (false, default(EventAction)),
        };
        return known;
    }

    /// <summary>Parses an event, <c>resource</c> and <c>action</c> (no wildcards).</summary>
    public static bool TryParse(string? resource, string? action, out AuthEvent authEvent)
    {
        authEvent = default;
        if (!TryParse(resource, out EventResource r) || !TryParse(action, out EventAction a) || !IsEvent(new(r, a)))
        {
            return false;
        }

        authEvent = new(r, a);
        return true;
    }

    /// <summary>The actions a resource has (every resource's, for null), as text for error messages.</summary>
    public static string ActionsOf(EventResource? resource) =>
        string.Join(", ", All.Where(e => resource is null || e.Resource == resource).Select(e => e.Action).Distinct().Order().Select(NameOf));
}

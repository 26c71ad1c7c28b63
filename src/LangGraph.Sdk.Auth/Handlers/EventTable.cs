using System.Collections.Generic;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>
/// A value per auth event, read by the event's resource and action as array indices: what the engine reads on every
/// request, so that a lookup costs an array read rather than hashing an <see cref="AuthEvent"/>.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class EventTable<T>
    where T : class
{
    private readonly T?[,] _values = new T?[AuthEvents.ResourceCount, AuthEvents.ActionCount];

    /// <summary>Gets the value of an event, or null when it has none.</summary>
    /// <param name="authEvent">The event.</param>
    public T? this[AuthEvent authEvent] => _values[(int)authEvent.Resource, (int)authEvent.Action];

    /// <summary>Builds a table from (event, value) pairs.</summary>
    /// <param name="values">The pairs; a null value leaves the event without one.</param>
    /// <returns>The table.</returns>
    public static EventTable<T> From(IEnumerable<KeyValuePair<AuthEvent, T?>> values)
    {
        var table = new EventTable<T>();
        foreach (var (authEvent, value) in values)
        {
            table._values[(int)authEvent.Resource, (int)authEvent.Action] = value;
        }

        return table;
    }
}

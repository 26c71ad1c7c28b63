using System;

namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>One auth event of the LangGraph server, such as <c>threads:create</c>: a resource that has the action.</summary>
/// <param name="Resource">The resource.</param>
/// <param name="Action">The action.</param>
internal readonly record struct AuthEvent(EventResource Resource, EventAction Action)
{
    public static readonly AuthEvent ThreadsCreate = new(EventResource.Threads, EventAction.Create);
    public static readonly AuthEvent ThreadsRead = new(EventResource.Threads, EventAction.Read);
    public static readonly AuthEvent ThreadsUpdate = new(EventResource.Threads, EventAction.Update);
    public static readonly AuthEvent ThreadsCreateRun = new(EventResource.Threads, EventAction.CreateRun);

    /// <summary>Gets the resource's wire name, for example <c>"threads"</c>.</summary>
    public string ResourceName => AuthEvents.NameOf(Resource);

    /// <summary>Gets the action's wire name, for example <c>"create_run"</c>.</summary>
    public string ActionName => AuthEvents.NameOf(Action);

    /// <summary>Gets the type of the value the event carries, for example <see cref="LangGraph.Sdk.Auth.ThreadsCreate"/>.</summary>
    public Type ValueType => AuthEvents.ValueTypeOf(this);

    /// <summary>Gets the event's name, <c>"resource:action"</c>.</summary>
    public string Name => $"{ResourceName}:{ActionName}";

    /// <inheritdoc />
    public override string ToString() => Name;
}

namespace LangGraph.Sdk.Auth;

/// <summary>
/// One auth event that <see cref="Auth.HandleAsync"/> ran for a request (a request may run several, in the server's
/// order, see <see cref="AuthOutcome.Events"/>): its name, its value as the handler left it, and the handler's answer.
/// </summary>
public sealed class AuthEventResult
{
    internal AuthEventResult(string resource, string action, object value, AuthFilter? filter, bool isAllowed)
    {
        Resource = resource;
        Action = action;
        Value = value;
        Filter = filter;
        IsAllowed = isAllowed;
    }

    /// <summary>Gets the event's resource, for example <c>"threads"</c>.</summary>
    public string Resource { get; }

    /// <summary>Gets the event's action, for example <c>"read"</c>.</summary>
    public string Action { get; }

    /// <summary>Gets the event name, <c>"resource:action"</c>.</summary>
    public string Event => $"{Resource}:{Action}";

    /// <summary>Gets the event's value as the handler left it (for example a <see cref="ThreadsRead"/>).</summary>
    public object Value { get; }

    /// <summary>Gets the filter the handler returned, or null for none (or when it denied).</summary>
    public AuthFilter? Filter { get; }

    /// <summary>Gets whether the handler allowed the event (or no handler guards it); false for the event that denied the request.</summary>
    public bool IsAllowed { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Event}: {(IsAllowed ? "allowed" : "denied")}";
}

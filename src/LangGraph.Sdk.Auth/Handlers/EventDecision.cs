namespace LangGraph.Sdk.Auth.Handlers;

/// <summary>What the handler that guards one event decided: allowed (with its filter, if any) or denied.</summary>
/// <param name="Filter">The filter the handler returned, or null.</param>
/// <param name="Denial">Why the event was denied, or null when it was allowed.</param>
internal readonly record struct EventDecision(AuthFilter? Filter, AuthHttpException? Denial)
{
    public bool IsAllowed => Denial is null;

    /// <summary>Reads a handler's result: null or true allows, a filter allows with the filter, false denies with 403.</summary>
    public static EventDecision From(AuthResult? result) =>
        result is null || result.IsAllowed ? new(result as AuthFilter, null) : new(null, new AuthHttpException(403));

    public AuthEventResult ToResult(AuthEvent authEvent, object value) =>
        new(authEvent.ResourceName, authEvent.ActionName, value, Filter, IsAllowed);
}

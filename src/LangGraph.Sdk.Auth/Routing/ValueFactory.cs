namespace LangGraph.Sdk.Auth.Routing;

/// <summary>Builds the value of a route's event from the request (path ids, query, body).</summary>
/// <param name="request">The request.</param>
/// <param name="match">The matched route and its ids.</param>
/// <param name="action">The event's action index; a factory changes it only when the body decides the event (protocol commands).</param>
/// <returns>The value, or an array of values for a batch.</returns>
internal delegate object ValueFactory(AuthRequest request, AuthRouteMatch match, ref int action);

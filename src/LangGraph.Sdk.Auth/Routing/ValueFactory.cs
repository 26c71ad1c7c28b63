namespace LangGraph.Sdk.Auth.Routing;

/// <summary>Builds the value of a route's first event (see <see cref="AuthRoutes.FirstEventOf"/>) from the request (path ids, query, body).</summary>
/// <param name="request">The request.</param>
/// <param name="match">The matched route and its ids.</param>
/// <returns>The value, or an array of values for a batch.</returns>
internal delegate object ValueFactory(AuthRequest request, AuthRouteMatch match);

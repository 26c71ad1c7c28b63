namespace LangGraph.Sdk.Auth;

/// <summary>How a route is guarded.</summary>
public enum AuthRouteKind
{
    /// <summary>
    /// The canonical path matches no LangGraph route (a custom route, a typo, or a spelling the server does not serve, such
    /// as <c>/Threads</c>): the request is authenticated, no <c>[On]</c> handler runs.
    /// </summary>
    Unknown = 0,

    /// <summary>Neither authentication nor authorization: <c>/info</c>, and <c>GET /ui/…</c> assets.</summary>
    Exempt,

    /// <summary>Authentication only, no <c>[On]</c> handler: <c>/ok</c>, <c>/internal/truncate</c>, <c>POST /ui/{agent}</c>.</summary>
    AuthenticatedOnly,

    /// <summary>Authentication, then the <c>[On]</c> handler of the route's event.</summary>
    Authorized,

    /// <summary>
    /// The request target has no canonical path (a backslash, an encoded slash <c>%2F</c>, a malformed escape, an empty
    /// segment or a trailing slash): neither authenticated nor forwarded; answer with <see cref="AuthRouteMatch.Refusal"/>.
    /// </summary>
    Refused,
}

using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The LangGraph route a request matches, and the ids in its path: the answer to "which handler guards this request?".
/// Get one from <see cref="AuthRoutes.Classify"/> or <see cref="AuthRequest.Route"/>.
/// </summary>
public readonly struct AuthRouteMatch : IEquatable<AuthRouteMatch>
{
    private readonly string? _first;
    private readonly string? _second;

    internal AuthRouteMatch(AuthRoute? route, AuthRouteKind kind, string? first, string? second, string? canonicalPath)
    {
        Route = route;
        Kind = kind;
        _first = first;
        _second = second;
        CanonicalPath = canonicalPath;
    }

    internal AuthRouteMatch(AuthHttpException refusal)
    {
        Kind = AuthRouteKind.Refused;
        Refusal = refusal;
    }

    /// <summary>Gets the matched route, or null when the path matches none (or is exempt without being a route, as <c>POST /info</c>).</summary>
    public AuthRoute? Route { get; }

    /// <summary>Gets how the request is guarded.</summary>
    public AuthRouteKind Kind { get; }

    /// <summary>
    /// Gets the canonical path the request was classified on (percent-decoded once except <c>/</c>, dot segments resolved,
    /// absolute-form, query and fragment removed, each segment re-encoded), or null when the target was refused.
    /// A host must forward exactly this path (with the original query string), never the raw target: the server routes it
    /// to the route this match names.
    /// </summary>
    public string? CanonicalPath { get; }

    /// <summary>Gets whether the request target has no canonical path, see <see cref="AuthRouteKind.Refused"/>.</summary>
    public bool IsRefused => Kind == AuthRouteKind.Refused;

    /// <summary>Gets why the target was refused, as the answer to give (400 or 404, with a detail), or null when it was not.</summary>
    public AuthHttpException? Refusal { get; }

    /// <summary>Gets whether the request skips authentication and authorization (<c>/info</c>, <c>GET /ui/…</c>).</summary>
    public bool IsExempt => Kind == AuthRouteKind.Exempt;

    /// <summary>Gets the resource of the route's event, or null.</summary>
    public string? Resource => Route?.Resource;

    /// <summary>Gets the action of the route's event, or null.</summary>
    public string? Action => Route?.Action;

    /// <summary>Gets the <c>thread_id</c> in the path, or null.</summary>
    public string? ThreadId => GetPathParam("thread_id");

    /// <summary>Gets the <c>run_id</c> in the path, or null.</summary>
    public string? RunId => GetPathParam("run_id");

    /// <summary>Gets the <c>assistant_id</c> in the path, or null.</summary>
    public string? AssistantId => GetPathParam("assistant_id");

    /// <summary>Gets the <c>cron_id</c> in the path, or null.</summary>
    public string? CronId => GetPathParam("cron_id");

    /// <summary>Gets the <c>checkpoint_id</c> in the path, or null.</summary>
    public string? CheckpointId => GetPathParam("checkpoint_id");

    /// <summary>Gets a path parameter, percent-decoded, by its template name (<c>thread_id</c>, <c>run_id</c>, <c>assistant_id</c>, <c>cron_id</c>, <c>checkpoint_id</c>, <c>namespace</c>, <c>agent</c>, <c>file</c>).</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value, or null when the route has no such parameter.</returns>
    public string? GetPathParam(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Route is null)
        {
            return null;
        }

        var index = 0;
        foreach (var segment in Route.Segments)
        {
            if (segment[0] != '{')
            {
                continue;
            }

            if (segment.AsSpan(1, segment.Length - 2).SequenceEqual(name))
            {
                return index == 0 ? _first : _second;
            }

            index++;
        }

        return null;
    }

    internal IReadOnlyDictionary<string, string> ToPathParams()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Route is null)
        {
            return result;
        }

        var index = 0;
        foreach (var segment in Route.Segments)
        {
            if (segment[0] == '{')
            {
                var value = index == 0 ? _first : _second;
                if (value is not null)
                {
                    result[segment[1..^1]] = value;
                }

                index++;
            }
        }

        return result;
    }

    /// <inheritdoc />
    public bool Equals(AuthRouteMatch other) =>
        ReferenceEquals(Route, other.Route) && Kind == other.Kind &&
        string.Equals(_first, other._first, StringComparison.Ordinal) && string.Equals(_second, other._second, StringComparison.Ordinal) &&
        string.Equals(CanonicalPath, other.CanonicalPath, StringComparison.Ordinal) &&
        Refusal?.StatusCode == other.Refusal?.StatusCode && string.Equals(Refusal?.Detail, other.Refusal?.Detail, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AuthRouteMatch other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Route, Kind, _first, _second, CanonicalPath);

    /// <summary>Compares two matches.</summary>
    /// <param name="left">The first match.</param>
    /// <param name="right">The second match.</param>
    /// <returns>True when they are the same route with the same ids.</returns>
    public static bool operator ==(AuthRouteMatch left, AuthRouteMatch right) => left.Equals(right);

    /// <summary>Compares two matches.</summary>
    /// <param name="left">The first match.</param>
    /// <param name="right">The second match.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(AuthRouteMatch left, AuthRouteMatch right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => Route?.ToString() ?? Kind.ToString();
}

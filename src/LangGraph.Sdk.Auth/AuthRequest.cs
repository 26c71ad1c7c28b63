using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// One HTTP request, as the auth engine needs it, whatever the host (ASP.NET Core, a test, a proxy): method, path,
/// headers, query and path parameters, the JSON body and, optionally, the host's own request object.
/// </summary>
/// <remarks>
/// <code>
/// var request = new AuthRequest("POST", "/threads")
/// {
///     Headers = new Dictionary&lt;string, string&gt; { ["Authorization"] = "Bearer abc" },
///     Body = JsonDocument.Parse("""{"metadata": {"topic": "billing"}}""").RootElement,
/// };
/// AuthOutcome outcome = await auth.HandleAsync(request);
/// </code>
/// Create one per request; it is not meant to be shared between requests.
/// </remarks>
public sealed class AuthRequest
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    private IReadOnlyDictionary<string, string> _headers = Empty;
    private IReadOnlyDictionary<string, string>? _queryParams;
    private IReadOnlyDictionary<string, string>? _pathParams;
    private readonly string? _query;
    private AuthRouteMatch? _route;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method, for example <c>"GET"</c>.</param>
    /// <param name="path">
    /// The path relative to the API root, for example <c>"/threads/…/runs"</c>, or the raw request target; a query string
    /// after <c>?</c> fills <see cref="QueryParams"/>, a <c>#fragment</c> is dropped. The route is classified on its
    /// canonical form (<see cref="AuthRouteMatch.CanonicalPath"/>), which is what a host forwards.
    /// </param>
    public AuthRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        Method = method.ToUpperInvariant();
        var hash = path.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            path = path[..hash];
        }

        var question = path.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            _query = path[(question + 1)..];
            path = path[..question];
        }

        Path = path;
    }

    /// <summary>Gets the HTTP method, upper-case.</summary>
    public string Method { get; }

    /// <summary>Gets the path, without the query string.</summary>
    public string Path { get; }

    /// <summary>
    /// Gets or sets the request headers. Names are compared case-insensitively: a dictionary built with
    /// <see cref="StringComparer.OrdinalIgnoreCase"/> is used as is, any other is copied into one. Several values of one
    /// header go in one string, comma-separated.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers
    {
        get => _headers;
        init => _headers = CaseInsensitive(value);
    }

    /// <summary>Gets or sets the query parameters; by default, those of the query string in the path.</summary>
    public IReadOnlyDictionary<string, string> QueryParams
    {
        get => _queryParams ??= _query is null ? Empty : ParseQuery(_query);
        init => _queryParams = value ?? Empty;
    }

    /// <summary>Gets or sets the path parameters; by default, those of the LangGraph route the path matches (<c>thread_id</c>, <c>run_id</c>, …).</summary>
    public IReadOnlyDictionary<string, string> PathParams
    {
        get => _pathParams ??= Route.ToPathParams();
        init => _pathParams = value ?? Empty;
    }

    /// <summary>Gets or sets the JSON body, when the request has one; the engine reads the event's value from it (metadata, ids, …).</summary>
    public JsonElement? Body { get; init; }

    /// <summary>Gets or sets the host's own request object (for example an ASP.NET Core <c>HttpContext</c>), passed to a handler parameter named <c>request</c> of that type.</summary>
    public object? Request { get; init; }

    /// <summary>Gets the <c>Authorization</c> header, or null.</summary>
    public string? Authorization => _headers.GetValueOrDefault("authorization");

    /// <summary>
    /// Gets or sets how the engine turns an assistant id that is not a UUID (a graph id such as <c>"agent"</c>) into the
    /// assistant's UUID, as the server does before its handlers run: for the <c>assistant_id</c> in an assistant route's
    /// path and in a run's body (runs, batch items, protocol <c>run.start</c> and <c>input.respond</c>), not for
    /// <c>POST /assistants</c>. Return the UUID, or null to keep the id as given (as the server does for an id that is no
    /// graph). When null (the default), values carry the id as given.
    /// </summary>
    /// <remarks>A host may answer from a cache, an upstream lookup, or <see cref="AuthRoutes.SystemAssistantId"/> for the graph ids it knows.</remarks>
    public Func<string, CancellationToken, ValueTask<string?>>? AssistantIdResolver { get; init; }

    /// <summary>
    /// Gets or sets how the engine reads a stored thread's metadata, for the <c>threads:create</c> event of a thread copy
    /// (<c>POST /threads/{thread_id}/copy</c>), whose value the server builds from the stored thread. Called with the thread
    /// id after <c>threads:read</c> allowed; return the metadata, or null when the thread does not exist. A copy request
    /// without one makes <see cref="Auth.HandleAsync"/> throw <see cref="InvalidOperationException"/>.
    /// </summary>
    public Func<string, CancellationToken, ValueTask<JsonObject?>>? ThreadMetadataLoader { get; init; }

    /// <summary>Gets the LangGraph route this request matches: which resource and action it touches, and the ids in its path.</summary>
    public AuthRouteMatch Route => _route ??= AuthRoutes.Classify(Method, Path);

    /// <summary>
    /// Gets the events <see cref="Auth.HandleAsync"/> runs for this request, in order (<c>"resource:action"</c>): every
    /// event that gates on the server. It depends on the route and, for <c>POST /threads</c> with <c>supersteps</c> and
    /// protocol commands, on the body. Empty for exempt, refused, unknown and authentication-only requests.
    /// </summary>
    public IReadOnlyList<string> Events => AuthRoutes.PlanEvents(this);

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}";

    private static IReadOnlyDictionary<string, string> CaseInsensitive(IReadOnlyDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return Empty;
        }

        if (headers is Dictionary<string, string> dictionary &&
            (ReferenceEquals(dictionary.Comparer, StringComparer.OrdinalIgnoreCase) || ReferenceEquals(dictionary.Comparer, StringComparer.InvariantCultureIgnoreCase)))
        {
            return dictionary;
        }

        var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            copy[name] = copy.TryGetValue(name, out var existing) ? $"{existing}, {value}" : value;
        }

        return copy;
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);
            result.TryAdd(name, value);
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

using System;
using System.Collections.Generic;
using System.Text.Json;

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
    /// <param name="path">The path relative to the API root, for example <c>"/threads/…/runs"</c>; a query string after <c>?</c> fills <see cref="QueryParams"/>.</param>
    public AuthRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(path);
        Method = method.ToUpperInvariant();
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

    /// <summary>Gets the LangGraph route this request matches: which resource and action it touches, and the ids in its path.</summary>
    public AuthRouteMatch Route => _route ??= AuthRoutes.Classify(Method, Path);

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

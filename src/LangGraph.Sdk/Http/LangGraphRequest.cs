using System.Collections.Generic;
using System.Net.Http;

namespace LangGraph.Sdk.Http;

/// <summary>One call as a sub-client describes it to the HTTP core: method, path, query, body and headers.</summary>
internal sealed class LangGraphRequest
{
    public LangGraphRequest(HttpMethod method, string path, LangGraphRequestOptions? options)
    {
        Method = method;
        Path = path;
        Options = options;
    }

    public HttpMethod Method { get; }

    /// <summary>The operation's span name, <c>{resource}.{method}</c> (for example <c>runs.stream</c>): a constant of the table in <c>docs/observability.md</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The assistant the operation concerns, when known: the span's <c>gen_ai.agent.id</c>.</summary>
    public string? AssistantId { get; init; }

    /// <summary>The thread the operation concerns, when known: the span's <c>gen_ai.conversation.id</c>.</summary>
    public string? ThreadId { get; init; }

    /// <summary>The run the operation concerns, when known: the span's <c>langgraph.run_id</c>.</summary>
    public string? RunId { get; init; }

    /// <summary>An absolute URL to call instead of <see cref="Path"/> below the API URL (a same-origin reconnect <c>Location</c>).</summary>
    public System.Uri? AbsoluteUrl { get; init; }

    /// <summary>The path below the API URL, starting with <c>/</c>, with every id already escaped.</summary>
    public string Path { get; }

    /// <summary>The caller's per-call options: headers and extra query parameters.</summary>
    public LangGraphRequestOptions? Options { get; }

    /// <summary>The query the method builds; the caller's <c>QueryParams</c> are merged over it.</summary>
    public QueryBuilder? Query { get; init; }

    /// <summary>The JSON body, already serialised, or null for none.</summary>
    public byte[]? Body { get; init; }

    /// <summary>Headers the method itself sets (for example <c>Prefer</c>); the caller's per-call headers win over them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>>? MethodHeaders { get; init; }

    /// <summary>This request with other method headers (for example those of an event stream).</summary>
    public LangGraphRequest WithMethodHeaders(IReadOnlyList<KeyValuePair<string, string>>? methodHeaders) =>
        Copy(Method, AbsoluteUrl, Query, Body, methodHeaders);

    /// <summary>
    /// A <c>GET</c> of a reconnect <c>Location</c> (or join route) with this request's headers and options: no body, so no
    /// Content-Type or Content-Length, and no query of its own.
    /// </summary>
    public LangGraphRequest Redirected(System.Uri location) => Copy(HttpMethod.Get, location, query: null, body: null, MethodHeaders);

    /// <summary>The one place a request is copied.</summary>
    private LangGraphRequest Copy(HttpMethod method, System.Uri? absoluteUrl, QueryBuilder? query, byte[]? body, IReadOnlyList<KeyValuePair<string, string>>? methodHeaders) =>
        new(method, Path, Options)
        {
            Operation = Operation,
            AssistantId = AssistantId,
            ThreadId = ThreadId,
            RunId = RunId,
            AbsoluteUrl = absoluteUrl,
            Query = query,
            Body = body,
            MethodHeaders = methodHeaders,
        };
}

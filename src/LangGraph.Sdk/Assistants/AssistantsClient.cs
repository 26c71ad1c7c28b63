using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// Assistants: versioned configurations of a graph — get, create, update, delete, search and count them, read their
/// graph, schemas and subgraphs, and switch versions (<c>client.Assistants</c>; Python's <c>client.assistants</c>).
/// Thread-safe.
/// </summary>
public class AssistantsClient
{
    private const string PaginationNextHeader = "X-Pagination-Next";

    private readonly LangGraphHttpCore _core;

    /// <summary>For mocking frameworks only: a client created this way has no connection.</summary>
    protected AssistantsClient()
    {
        _core = null!;
    }

    internal AssistantsClient(LangGraphHttpCore core) => _core = core;

    /// <summary>Gets an assistant (<c>GET /assistants/{assistant_id}</c>).</summary>
    /// <param name="assistantId">The assistant id (the JS dev server also accepts a graph id).</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The assistant.</returns>
    /// <exception cref="LangGraphNotFoundException">The assistant does not exist.</exception>
    public virtual Task<Assistant> GetAsync(string assistantId, AssistantGetOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(
            new LangGraphRequest(HttpMethod.Get, AssistantPath(assistantId), options) { Operation = "assistants.get", AssistantId = assistantId },
            LangGraphJsonContext.Default.Assistant,
            cancellationToken);

    /// <summary>Gets the drawable graph of an assistant (<c>GET /assistants/{assistant_id}/graph?xray=</c>).</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">Whether (and how deep) subgraphs are drawn, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The nodes and edges.</returns>
    public virtual Task<AssistantGraph> GetGraphAsync(string assistantId, AssistantGetGraphOptions? options = null, CancellationToken cancellationToken = default)
    {
        var xray = options?.Xray ?? GraphXray.None;
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Get, AssistantPath(assistantId) + "/graph", options) { Operation = "assistants.get_graph", AssistantId = assistantId, Query = new QueryBuilder().Add("xray", xray.QueryValue) },
            LangGraphJsonContext.Default.AssistantGraph,
            cancellationToken);
    }

    /// <summary>Gets the JSON schemas of an assistant's graph (<c>GET /assistants/{assistant_id}/schemas</c>).</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The input, output, state, config and context schemas.</returns>
    public virtual Task<GraphSchema> GetSchemasAsync(string assistantId, AssistantGetSchemasOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(
            new LangGraphRequest(HttpMethod.Get, AssistantPath(assistantId) + "/schemas", options) { Operation = "assistants.get_schemas", AssistantId = assistantId },
            LangGraphJsonContext.Default.GraphSchema,
            cancellationToken);

    /// <summary>
    /// Gets the schemas of an assistant's subgraphs (<c>GET /assistants/{assistant_id}/subgraphs[/{namespace}]?recurse=</c>).
    /// </summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">The namespace of one subgraph, whether to recurse, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The subgraph schemas by namespace; empty when the graph has no subgraphs.</returns>
    public virtual async Task<IReadOnlyDictionary<string, GraphSchema>> GetSubgraphsAsync(
        string assistantId, AssistantGetSubgraphsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = AssistantPath(assistantId) + "/subgraphs";
        if (options?.Namespace is { } ns)
        {
            path += "/" + UrlPath.Segment(ns, "options.Namespace");
        }

        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Get, path, options) { Operation = "assistants.get_subgraphs", AssistantId = assistantId, Query = new QueryBuilder().Add("recurse", options?.Recurse ?? false) },
            LangGraphJsonContext.Default.DictionaryStringGraphSchema,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates an assistant for a graph (<c>POST /assistants</c>).</summary>
    /// <param name="graphId">The graph the assistant runs (a graph name from <c>langgraph.json</c>); always sent.</param>
    /// <param name="options">Config, context, metadata, assistant id, conflict behaviour, name, description, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new assistant (or the existing one with <see cref="OnConflictBehavior.DoNothing"/>).</returns>
    /// <exception cref="LangGraphConflictException">The assistant id exists already and <see cref="AssistantCreateOptions.IfExists"/> is not <c>do_nothing</c>.</exception>
    public virtual Task<Assistant> CreateAsync(string graphId, AssistantCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graphId);
        var user = _core.UserJsonOptions;
        var body = options is null ? new AssistantRequest { GraphId = graphId } : new AssistantRequest
        {
            GraphId = graphId,
            Config = options.Config is { } config && SetsAnything(config) ? RunConfigRequest.From(config, user) : null,
            Context = IsEmpty(options.Context) ? null : UserJson.Element(user, options.Context, "context"),
            Metadata = UserJson.Object(user, options.Metadata, "metadata"),
            AssistantId = NullIfEmpty(options.AssistantId),
            IfExists = options.IfExists?.Value,
            Name = NullIfEmpty(options.Name),
            Description = NullIfEmpty(options.Description),
        };
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/assistants", options) { Operation = "assistants.create", Body = Serialize(body) },
            LangGraphJsonContext.Default.Assistant,
            cancellationToken);
    }

    /// <summary>
    /// Updates an assistant (<c>PATCH /assistants/{assistant_id}</c>), which makes a new version of it; metadata is merged.
    /// </summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">The graph, config, context, metadata, name and description to change, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated assistant.</returns>
    public virtual Task<Assistant> UpdateAsync(string assistantId, AssistantUpdateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = AssistantPath(assistantId);
        var user = _core.UserJsonOptions;
        var body = options is null ? new AssistantRequest() : new AssistantRequest
        {
            GraphId = NullIfEmpty(options.GraphId),
            Config = RunConfigRequest.From(options.Config, user),
            Context = UserJson.Element(user, options.Context, "context"),
            Metadata = UserJson.Object(user, options.Metadata, "metadata"),
            Name = NullIfEmpty(options.Name),
            Description = NullIfEmpty(options.Description),
        };
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Patch, path, options) { Operation = "assistants.update", AssistantId = assistantId, Body = Serialize(body) },
            LangGraphJsonContext.Default.Assistant,
            cancellationToken);
    }

    /// <summary>Deletes an assistant (<c>DELETE /assistants/{assistant_id}</c>), and its threads with <see cref="AssistantDeleteOptions.DeleteThreads"/>.</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">Whether to delete the assistant's threads too, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the assistant is deleted.</returns>
    /// <exception cref="LangGraphNotFoundException">The assistant does not exist.</exception>
    public virtual Task DeleteAsync(string assistantId, AssistantDeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = AssistantPath(assistantId);
        var query = options is { DeleteThreads: true } ? new QueryBuilder().Add("delete_threads", true) : null;
        return _core.SendAsync(new LangGraphRequest(HttpMethod.Delete, path, options) { Operation = "assistants.delete", AssistantId = assistantId, Query = query }, cancellationToken);
    }

    /// <summary>Searches assistants (<c>POST /assistants/search</c>).</summary>
    /// <param name="options">Filters, paging, sorting and selected fields; defaults to the first 10 assistants.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching assistants.</returns>
    /// <remarks>Use <see cref="SearchPageAsync"/> to get the cursor of the next page as well.</remarks>
    public virtual async Task<IReadOnlyList<Assistant>> SearchAsync(AssistantSearchOptions? options = null, CancellationToken cancellationToken = default) =>
        await _core.SendAsync(SearchRequest(options), LangGraphJsonContext.Default.ListAssistant, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Searches assistants (<c>POST /assistants/search</c>) and returns the page with the cursor of the next one, from
    /// the <c>X-Pagination-Next</c> response header (Python's <c>search(response_format="object")</c>).
    /// </summary>
    /// <param name="options">Filters, paging, sorting and selected fields; defaults to the first 10 assistants.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching assistants and the next cursor (null on the last page).</returns>
    public virtual async Task<AssistantPage> SearchPageAsync(AssistantSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (hasValue, items, next) = await _core.SendOptionalAsync(
            SearchRequest(options), LangGraphJsonContext.Default.ListAssistant, PaginationNextHeader, cancellationToken).ConfigureAwait(false);
        return new AssistantPage(hasValue && items is not null ? items : [], string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>Counts assistants (<c>POST /assistants/count</c>).</summary>
    /// <param name="options">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many assistants match.</returns>
    public virtual Task<int> CountAsync(AssistantCountOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? new AssistantSearchRequest() : Filters(options.Metadata, options.GraphId, options.Name);

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/assistants/count", options) { Operation = "assistants.count", Body = Serialize(body) },
            LangGraphJsonContext.Default.Int32,
            cancellationToken);
    }

    /// <summary>Lists the versions of an assistant, newest first (<c>POST /assistants/{assistant_id}/versions</c>).</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="options">Metadata filter, paging, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The versions.</returns>
    public virtual async Task<IReadOnlyList<AssistantVersion>> GetVersionsAsync(
        string assistantId, AssistantGetVersionsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = AssistantPath(assistantId);
        options ??= new AssistantGetVersionsOptions();
        var body = Filters(options.Metadata, graphId: null, name: null) with { Limit = options.Limit, Offset = options.Offset };
        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path + "/versions", options) { Operation = "assistants.get_versions", AssistantId = assistantId, Body = Serialize(body) },
            LangGraphJsonContext.Default.ListAssistantVersion,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Points an assistant to one of its versions (<c>POST /assistants/{assistant_id}/latest</c>).</summary>
    /// <param name="assistantId">The assistant id.</param>
    /// <param name="version">The version to make current.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The assistant as of that version.</returns>
    public virtual Task<Assistant> SetLatestAsync(string assistantId, int version, AssistantSetLatestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = AssistantPath(assistantId);
        var body = new AssistantRequest { Version = version };
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path + "/latest", options) { Operation = "assistants.set_latest", AssistantId = assistantId, Body = Serialize(body) },
            LangGraphJsonContext.Default.Assistant,
            cancellationToken);
    }

    private static string AssistantPath(string assistantId) => "/assistants/" + UrlPath.Segment(assistantId, nameof(assistantId));

    private static byte[] Serialize(AssistantRequest body) => JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.AssistantRequest);

    private static byte[] Serialize(AssistantSearchRequest body) => JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.AssistantSearchRequest);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private AssistantSearchRequest Filters(IDictionary<string, object?> metadata, string? graphId, string? name) => new()
    {
        Metadata = UserJson.Object(_core.UserJsonOptions, metadata, "metadata"),
        GraphId = NullIfEmpty(graphId),
        Name = NullIfEmpty(name),
    };

    /// <summary>Whether the config writes any member: Python sends <c>config</c> on create only when the dict is not empty.</summary>
    private static bool SetsAnything(RunConfig config) =>
        config.Tags is not null || config.RecursionLimit is not null || config.Configurable.Count > 0 || config.Metadata.Count > 0;

    /// <summary>Python's falsiness for a JSON value: null, an empty string, an empty object or an empty list.</summary>
    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        JsonElement { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => true,
        JsonElement { ValueKind: JsonValueKind.Object } e => !e.EnumerateObject().MoveNext(),
        JsonElement { ValueKind: JsonValueKind.Array } e => e.GetArrayLength() == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };

    private LangGraphRequest SearchRequest(AssistantSearchOptions? options)
    {
        options ??= new AssistantSearchOptions();
        var filters = Filters(options.Metadata, options.GraphId, options.Name);
        var body = Serialization.SearchRequest.Paged(filters, options.Limit, options.Offset, options.SortBy?.Value, options.SortOrder, options.Select);
        return new LangGraphRequest(HttpMethod.Post, "/assistants/search", options) { Operation = "assistants.search", Body = Serialize(body) };
    }
}

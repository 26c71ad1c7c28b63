using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk;

/// <summary>
/// The server's key-value store, shared across threads and runs: put, get, delete and search items and list namespaces
/// (<c>client.Store</c>; Python's <c>client.store</c>). A namespace is a list of labels, for example
/// <c>["users", userId]</c>; labels cannot contain a period. Thread-safe.
/// </summary>
public class StoreClient
{
    private readonly LangGraphHttpCore _core;

    /// <summary>For mocking frameworks only: a client created this way has no connection.</summary>
    protected StoreClient()
    {
        _core = null!;
    }

    internal StoreClient(LangGraphHttpCore core) => _core = core;

    /// <summary>Stores or replaces an item (<c>PUT /store/items</c>).</summary>
    /// <param name="itemNamespace">The item's namespace, for example <c>["users", userId]</c>.</param>
    /// <param name="key">The item's key within the namespace.</param>
    /// <param name="value">The value, an object (a dictionary, a record, a <see cref="System.Text.Json.JsonElement"/>…), serialized with the client's JSON options.</param>
    /// <param name="options">Which fields to index (or none), time to live, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the item is stored.</returns>
    /// <exception cref="ArgumentException">A namespace label contains a period.</exception>
    public virtual Task PutItemAsync(IReadOnlyList<string> itemNamespace, string key, object value, StorePutItemOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateNamespace(itemNamespace, nameof(itemNamespace));
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        if (options is { DisableIndex: true, Index: not null })
        {
            throw new ArgumentException("Set either StorePutItemOptions.Index or DisableIndex, not both.", nameof(options));
        }

        var body = new StoreRequest
        {
            Namespace = itemNamespace,
            Key = key,
            Value = UserJson.ElementOrNull(_core.UserJsonOptions, value, "value"),
            Index = options is null ? null
                : options.DisableIndex ? JsonSerializer.SerializeToElement(false, LangGraphJsonContext.Default.Boolean)
                : options.Index is { } index ? JsonSerializer.SerializeToElement(index, LangGraphJsonContext.Default.IListString) : null,
            Ttl = options?.Ttl,
        };
        return _core.SendAsync(new LangGraphRequest(HttpMethod.Put, "/store/items", options) { Operation = "store.put_item", Body = JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.StoreRequest) }, cancellationToken);
    }

    /// <summary>Gets an item (<c>GET /store/items?namespace=a.b&amp;key=k</c>).</summary>
    /// <param name="itemNamespace">The item's namespace.</param>
    /// <param name="key">The item's key.</param>
    /// <param name="options">Whether to restart the item's time to live, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item, or null when there is none (the server answered 404, or 200 with <c>null</c> as the JS server does).</returns>
    /// <exception cref="ArgumentException">A namespace label contains a period.</exception>
    public virtual async Task<Item?> GetItemAsync(IReadOnlyList<string> itemNamespace, string key, StoreGetItemOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateNamespace(itemNamespace, nameof(itemNamespace));
        ArgumentNullException.ThrowIfNull(key);
        var query = new QueryBuilder().Add("namespace", string.Join(".", itemNamespace)).Add("key", key);
        if (options?.RefreshTtl is { } refresh)
        {
            query.Add("refresh_ttl", refresh);
        }

        try
        {
            var (hasValue, item, _) = await _core.SendOptionalAsync(
                new LangGraphRequest(HttpMethod.Get, "/store/items", options) { Operation = "store.get_item", Query = query },
                LangGraphJsonContext.Default.Item,
                responseHeader: null,
                cancellationToken).ConfigureAwait(false);
            return hasValue ? item : null;
        }
        catch (LangGraphNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes an item (<c>DELETE /store/items</c> with the JSON body <c>{namespace, key}</c>); deleting a missing item succeeds.</summary>
    /// <param name="itemNamespace">The item's namespace.</param>
    /// <param name="key">The item's key.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the item is deleted.</returns>
    /// <exception cref="ArgumentException">A namespace label contains a period.</exception>
    public virtual Task DeleteItemAsync(IReadOnlyList<string> itemNamespace, string key, StoreDeleteItemOptions? options = null, CancellationToken cancellationToken = default)
    {
        ValidateNamespace(itemNamespace, nameof(itemNamespace));
        ArgumentNullException.ThrowIfNull(key);
        var body = new StoreRequest { Namespace = itemNamespace, Key = key };
        return _core.SendAsync(new LangGraphRequest(HttpMethod.Delete, "/store/items", options) { Operation = "store.delete_item", Body = JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.StoreRequest) }, cancellationToken);
    }

    /// <summary>Searches the items under a namespace prefix (<c>POST /store/items/search</c>).</summary>
    /// <param name="namespacePrefix">The labels the items' namespaces start with (empty for every namespace the server lets you see).</param>
    /// <param name="options">Value filter, paging, natural-language query, time to live refresh, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The items found.</returns>
    public virtual async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(
        IReadOnlyList<string> namespacePrefix, StoreSearchItemsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(namespacePrefix);
        options ??= new StoreSearchItemsOptions();
        var body = new StoreRequest
        {
            NamespacePrefix = namespacePrefix,
            Filter = UserJson.Object(_core.UserJsonOptions, options.Filter, "filter"),
            Limit = options.Limit,
            Offset = options.Offset,
            Query = options.Query,
            RefreshTtl = options.RefreshTtl,
        };
        var response = await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/store/items/search", options) { Operation = "store.search_items", Body = JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.StoreRequest) },
            LangGraphJsonContext.Default.SearchItemsResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Items ?? [];
    }

    /// <summary>Lists the namespaces of the store (<c>POST /store/namespaces</c>).</summary>
    /// <param name="options">Prefix, suffix, maximum depth, paging, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The namespaces, each a list of labels.</returns>
    public virtual async Task<IReadOnlyList<IReadOnlyList<string>>> ListNamespacesAsync(
        StoreListNamespacesOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new StoreListNamespacesOptions();
        var body = new StoreRequest
        {
            Prefix = options.Prefix,
            Suffix = options.Suffix,
            MaxDepth = options.MaxDepth,
            Limit = options.Limit,
            Offset = options.Offset,
        };
        var response = await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/store/namespaces", options) { Operation = "store.list_namespaces", Body = JsonSerializer.SerializeToUtf8Bytes(body, LangGraphJsonContext.Default.StoreRequest) },
            LangGraphJsonContext.Default.ListNamespacesResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Namespaces is { } namespaces ? namespaces.ConvertAll(n => (IReadOnlyList<string>)(n ?? new List<string>())) : [];
    }

    /// <summary>
    /// Refuses a namespace the server would misread: <c>GET /store/items</c> sends it joined with periods, so a label
    /// containing one would address another namespace.
    /// </summary>
    private static void ValidateNamespace(IReadOnlyList<string> labels, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(labels, parameterName);
        foreach (var label in labels)
        {
            if (label is null)
            {
                throw new ArgumentException("Namespace labels cannot be null.", parameterName);
            }

            if (label.Contains('.', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Invalid namespace label '{label}': namespace labels cannot contain periods ('.').", parameterName);
            }
        }
    }
}

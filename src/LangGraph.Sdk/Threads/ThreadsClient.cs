using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk;

/// <summary>
/// Threads: create, read, search, update, copy, prune and delete threads, and read or change their state
/// (<c>client.Threads</c>; Python's <c>client.threads</c>). Thread-safe.
/// </summary>
public class ThreadsClient
{
    private static readonly KeyValuePair<string, string>[] PreferMinimal = [new("Prefer", "return=minimal")];

    private readonly LangGraphHttpCore _core;

    /// <summary>For mocking frameworks only: a client created this way has no connection.</summary>
    protected ThreadsClient()
    {
        _core = null!;
    }

    internal ThreadsClient(LangGraphHttpCore core) => _core = core;

    /// <summary>
    /// Opens a thread stream (the thread streaming protocol; JS <c>client.threads.stream</c>, Python <c>threads.stream</c>):
    /// commands and events of one thread over SSE or a WebSocket. Nothing is sent until the stream is used.
    /// </summary>
    /// <param name="threadId">The thread id; null to mint a new one (a UUID v7, as the official SDKs do): the server creates the thread with the first run.</param>
    /// <param name="options">The assistant (required), the transport, the channels, and headers sent with every request of the stream.</param>
    /// <returns>The stream; dispose it to close its connection.</returns>
    /// <exception cref="ArgumentException">The assistant id is missing, the thread id is empty, a header is invalid, or the channels lack <c>lifecycle</c>.</exception>
    public virtual ThreadStream Stream(string? threadId, ThreadStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AssistantId))
        {
            throw new ArgumentException("ThreadStreamOptions.AssistantId is required: the assistant (or graph) the stream's runs use.", nameof(options));
        }

        if (threadId is not null)
        {
            UrlPath.Segment(threadId, nameof(threadId));
        }

        if (!options.Channels.Contains(ThreadChannels.Lifecycle))
        {
            throw new ArgumentException("ThreadStreamOptions.Channels must include 'lifecycle': projections end at the run's lifecycle events.", nameof(options));
        }

        if (options.MaxReconnects is < 0 or > 50)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxReconnects, "ThreadStreamOptions.MaxReconnects must be between 0 and 50.");
        }

        foreach (var (name, value) in options.Headers)
        {
            if (!HeaderDictionary.IsValidName(name) || !HeaderDictionary.IsValidValue(value))
            {
                throw new ArgumentException($"The header '{name}' of ThreadStreamOptions has an invalid name or value (line breaks are not allowed).", nameof(options));
            }
        }

        return new ThreadStream(_core, threadId ?? ThreadStreams.Uuid7.NewId(_core.TimeProvider), minted: threadId is null, options);
    }

    /// <summary>Gets a thread (<c>GET /threads/{thread_id}</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">Extra fields to include, headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The thread.</returns>
    /// <exception cref="LangGraphNotFoundException">The thread does not exist, or custom auth hides it.</exception>
    public virtual Task<LangGraphThread> GetAsync(string threadId, ThreadGetOptions? options = null, CancellationToken cancellationToken = default)
    {
        var query = new QueryBuilder();
        if (options?.Include is { Count: > 0 } include)
        {
            query.Add("include", string.Join(",", include));
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Get, ThreadPath(threadId), options) { Operation = "threads.get", ThreadId = threadId, Query = query },
            LangGraphJsonContext.Default.LangGraphThread,
            cancellationToken);
    }

    /// <summary>Creates a thread (<c>POST /threads</c>).</summary>
    /// <param name="options">Metadata, thread id, conflict behaviour, supersteps, graph id, time to live, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new thread (or the existing one with <see cref="OnConflictBehavior.DoNothing"/>).</returns>
    /// <exception cref="LangGraphConflictException">The thread id exists already and <see cref="ThreadCreateOptions.IfExists"/> is not <c>do_nothing</c>.</exception>
    public virtual Task<LangGraphThread> CreateAsync(ThreadCreateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? new ThreadCreateRequest() : new ThreadCreateRequest
        {
            ThreadId = string.IsNullOrEmpty(options.ThreadId) ? null : options.ThreadId,
            Metadata = CreateMetadata(options),
            IfExists = options.IfExists?.Value,
            Supersteps = options.Supersteps.Count > 0 ? Supersteps(options.Supersteps) : null,
            Ttl = ThreadTtlRequest.From(options.Ttl),
        };
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads", options) { Operation = "threads.create", Body = Serialize(body, LangGraphJsonContext.Default.ThreadCreateRequest) },
            LangGraphJsonContext.Default.LangGraphThread,
            cancellationToken);
    }

    /// <summary>Updates a thread's metadata and time to live (<c>PATCH /threads/{thread_id}</c>); metadata is merged.</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The metadata (always sent), time to live, <see cref="ThreadUpdateOptions.ReturnMinimal"/>, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated thread, or null when <see cref="ThreadUpdateOptions.ReturnMinimal"/> is set.</returns>
    public virtual async Task<LangGraphThread?> UpdateAsync(string threadId, ThreadUpdateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = ThreadPath(threadId);
        var body = new ThreadUpdateRequest
        {
            Metadata = UserJson.ObjectOrEmpty(_core.UserJsonOptions, options.Metadata, "metadata"),
            Ttl = ThreadTtlRequest.From(options.Ttl),
        };
        var request = new LangGraphRequest(HttpMethod.Patch, path, options)
        {
            Operation = "threads.update",
            ThreadId = threadId,
            Body = Serialize(body, LangGraphJsonContext.Default.ThreadUpdateRequest),
            MethodHeaders = options.ReturnMinimal ? PreferMinimal : null,
        };
        if (options.ReturnMinimal)
        {
            await _core.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await _core.SendAsync(request, LangGraphJsonContext.Default.LangGraphThread, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a thread (<c>DELETE /threads/{thread_id}</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the thread is deleted.</returns>
    public virtual Task DeleteAsync(string threadId, ThreadDeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(new LangGraphRequest(HttpMethod.Delete, ThreadPath(threadId), options) { Operation = "threads.delete", ThreadId = threadId }, cancellationToken);

    /// <summary>Searches threads (<c>POST /threads/search</c>). Under custom auth the server returns only the caller's threads.</summary>
    /// <param name="options">Filters, paging, sorting, selected fields and extracted paths; defaults to the first 10 threads.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching threads.</returns>
    public virtual async Task<IReadOnlyList<LangGraphThread>> SearchAsync(ThreadSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThreadSearchOptions();
        var filters = Filters(options.Metadata, options.Values, options.Status) with
        {
            Ids = options.Ids.Count > 0 ? options.Ids : null,
            Extract = options.Extract.Count > 0 ? options.Extract : null,
        };
        var body = SearchRequest.Paged(filters, options.Limit, options.Offset, options.SortBy?.Value, options.SortOrder, options.Select);
        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads/search", options) { Operation = "threads.search", Body = Serialize(body, LangGraphJsonContext.Default.ThreadSearchRequest) },
            LangGraphJsonContext.Default.ListLangGraphThread,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts threads (<c>POST /threads/count</c>).</summary>
    /// <param name="options">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many threads match.</returns>
    public virtual Task<int> CountAsync(ThreadCountOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? new ThreadSearchRequest() : Filters(options.Metadata, options.Values, options.Status);

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads/count", options) { Operation = "threads.count", Body = Serialize(body, LangGraphJsonContext.Default.ThreadSearchRequest) },
            LangGraphJsonContext.Default.Int32,
            cancellationToken);
    }

    /// <summary>Copies a thread with its state and history (<c>POST /threads/{thread_id}/copy</c>).</summary>
    /// <param name="threadId">The thread to copy.</param>
    /// <param name="options">Headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new thread.</returns>
    public virtual Task<LangGraphThread> CopyAsync(string threadId, ThreadCopyOptions? options = null, CancellationToken cancellationToken = default) =>
        _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, ThreadPath(threadId) + "/copy", options) { Operation = "threads.copy", ThreadId = threadId },
            LangGraphJsonContext.Default.LangGraphThread,
            cancellationToken);

    /// <summary>Prunes threads (<c>POST /threads/prune</c>): deletes them, or keeps only their latest state.</summary>
    /// <param name="threadIds">The threads to prune.</param>
    /// <param name="options">The strategy, headers and query parameters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many threads were pruned.</returns>
    public virtual Task<ThreadPruneResult> PruneAsync(IEnumerable<string> threadIds, ThreadPruneOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(threadIds);
        var body = new ThreadPruneRequest
        {
            ThreadIds = threadIds,
            Strategy = options is not null && options.Strategy != PruneStrategy.Delete ? options.Strategy.Value : null,
        };

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads/prune", options) { Operation = "threads.prune", Body = Serialize(body, LangGraphJsonContext.Default.ThreadPruneRequest) },
            LangGraphJsonContext.Default.ThreadPruneResult,
            cancellationToken);
    }

    /// <summary>
    /// Gets a thread's state: the latest (<c>GET /threads/{id}/state</c>), at a checkpoint
    /// (<c>POST /threads/{id}/state/checkpoint</c>) or at a checkpoint id (<c>GET /threads/{id}/state/{checkpoint_id}</c>).
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The checkpoint, whether to include subgraphs, the fields to select, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    public virtual Task<ThreadState> GetStateAsync(string threadId, ThreadGetStateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = ThreadPath(threadId);
        var subgraphs = options?.Subgraphs ?? false;
        LangGraphRequest request;
        // A root checkpoint with subgraphs is read by GET /state[/{checkpoint_id}]: the same state, and the JS server's
        // checkpoint route refuses a boolean "subgraphs" (its schema wants a string) while the Python server wants one.
        if (options?.Checkpoint is { } root && subgraphs && IsRootCheckpoint(root))
        {
            var route = string.IsNullOrEmpty(root.CheckpointId) ? "/state" : "/state/" + UrlPath.Segment(root.CheckpointId, "checkpointId");
            request = new LangGraphRequest(HttpMethod.Get, path + route, options) { Operation = "threads.get_state", ThreadId = threadId, Query = WithSelect(new QueryBuilder().Add("subgraphs", true), options.Select) };
        }
        else if (options?.Checkpoint is { } checkpoint)
        {
            // Subgraphs is sent only when true, as the JS SDK does: the JS server's schema refuses a boolean here, and false is the default.
            var body = new ThreadStateRequest { Checkpoint = checkpoint, Subgraphs = subgraphs ? true : null, Select = SelectOrNull(options.Select) };
            request = new LangGraphRequest(HttpMethod.Post, path + "/state/checkpoint", options) { Operation = "threads.get_state", ThreadId = threadId, Body = Serialize(body, LangGraphJsonContext.Default.ThreadStateRequest) };
        }
        else if (!string.IsNullOrEmpty(options?.CheckpointId))
        {
            request = new LangGraphRequest(HttpMethod.Get, path + "/state/" + UrlPath.Segment(options.CheckpointId, "checkpointId"), options)
            {
                Operation = "threads.get_state",
                ThreadId = threadId,
                Query = WithSelect(new QueryBuilder().Add("subgraphs", subgraphs), options.Select),
            };
        }
        else
        {
            request = new LangGraphRequest(HttpMethod.Get, path + "/state", options) { Operation = "threads.get_state", ThreadId = threadId, Query = WithSelect(new QueryBuilder().Add("subgraphs", subgraphs), options?.Select) };
        }

        return _core.SendAsync(request, LangGraphJsonContext.Default.ThreadState, cancellationToken);
    }

    /// <summary>Adds the selected state fields as repeated <c>select</c> parameters, when there are any.</summary>
    private static QueryBuilder WithSelect(QueryBuilder query, IList<string>? select) =>
        SelectOrNull(select) is { } fields ? query.Add("select", fields) : query;

    /// <summary>The selected state fields as sent, or null (not sent) when there are none.</summary>
    private static List<string>? SelectOrNull(IList<string>? select) => select is { Count: > 0 } ? [.. select] : null;

    /// <summary>Whether a checkpoint is in the root graph (no namespace, no map), so the GET routes can read it.</summary>
    private static bool IsRootCheckpoint(Checkpoint checkpoint) =>
        string.IsNullOrEmpty(checkpoint.CheckpointNs) && checkpoint.CheckpointMap is null;

    /// <summary>Updates a thread's state as if a node had written it (<c>POST /threads/{thread_id}/state</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="values">The values to write (an object, a list of objects, or null); always sent.</param>
    /// <param name="options">The node, the checkpoint to fork from, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The checkpoint the update created.</returns>
    public virtual Task<ThreadUpdateStateResponse> UpdateStateAsync(string threadId, object? values, ThreadUpdateStateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = ThreadPath(threadId);
        var body = new ThreadStateRequest
        {
            Values = UserJson.ElementOrNull(_core.UserJsonOptions, values, "values"),
            CheckpointId = string.IsNullOrEmpty(options?.CheckpointId) ? null : options.CheckpointId,
            Checkpoint = options?.Checkpoint,
            AsNode = string.IsNullOrEmpty(options?.AsNode) ? null : options.AsNode,
        };
        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path + "/state", options) { Operation = "threads.update_state", ThreadId = threadId, Body = Serialize(body, LangGraphJsonContext.Default.ThreadStateRequest) },
            LangGraphJsonContext.Default.ThreadUpdateStateResponse,
            cancellationToken);
    }

    /// <summary>Gets a thread's past states, newest first (<c>POST /threads/{thread_id}/history</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">Limit, the checkpoint to start before, metadata filter, checkpoint, the fields to select, headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The states.</returns>
    public virtual async Task<IReadOnlyList<ThreadState>> GetHistoryAsync(string threadId, ThreadGetHistoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = ThreadPath(threadId);
        options ??= new ThreadGetHistoryOptions();
        if (options.Before is not null && options.BeforeCheckpoint is not null)
        {
            throw new ArgumentException("Set either ThreadGetHistoryOptions.Before or BeforeCheckpoint, not both.", nameof(options));
        }

        var body = new ThreadStateRequest
        {
            Limit = options.Limit,
            Before = !string.IsNullOrEmpty(options.Before) ? JsonSerializer.SerializeToElement(options.Before, LangGraphJsonContext.Default.String)
                : options.BeforeCheckpoint is { } before ? JsonSerializer.SerializeToElement(before, LangGraphJsonContext.Default.Checkpoint) : null,
            Metadata = UserJson.Object(_core.UserJsonOptions, options.Metadata, "metadata"),
            Checkpoint = options.Checkpoint,
            Select = SelectOrNull(options.Select),
        };
        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path + "/history", options) { Operation = "threads.get_history", ThreadId = threadId, Body = Serialize(body, LangGraphJsonContext.Default.ThreadStateRequest) },
            LangGraphJsonContext.Default.ListThreadState,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Streams everything that happens on a thread (<c>GET /threads/{thread_id}/stream</c>), resuming after
    /// <see cref="ThreadJoinStreamOptions.LastEventId"/> when given.
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The last event id seen, the stream modes, headers.</param>
    /// <param name="cancellationToken">Cancels the stream and releases its connection.</param>
    /// <returns>The events, as they arrive.</returns>
#pragma warning disable CS8424 // The token goes to the iterator returned, which observes it; the attribute states the contract.
    public virtual IAsyncEnumerable<StreamPart> JoinStreamAsync(string threadId, ThreadJoinStreamOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS8424
    {
        var path = ThreadPath(threadId);
        var modes = options?.StreamMode is { Count: > 0 } requested ? requested.Select(m => m.Value).ToList() : [ThreadStreamMode.RunModes.Value];
        var request = new LangGraphRequest(HttpMethod.Get, path + "/stream", options)
        {
            Operation = "threads.join_stream",
            ThreadId = threadId,
            Query = new QueryBuilder().Add("stream_mode", modes),
        };

        var settings = new StreamSettings { LastEventId = options?.LastEventId };
        return new RunStream(_core).ReadAsync(request, settings, cancellationToken);
    }

    private static string ThreadPath(string threadId) => "/threads/" + UrlPath.Segment(threadId, nameof(threadId));

    private static byte[] Serialize<T>(T body, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);

    private ThreadSearchRequest Filters(IDictionary<string, object?> metadata, IDictionary<string, object?> values, ThreadStatus? status) => new()
    {
        Metadata = UserJson.Object(_core.UserJsonOptions, metadata, "metadata"),
        Values = UserJson.Object(_core.UserJsonOptions, values, "values"),
        Status = status?.Value,
    };

    /// <summary>The create metadata, with <c>graph_id</c> (when set) written last over any metadata entry of that name.</summary>
    private Dictionary<string, JsonElement>? CreateMetadata(ThreadCreateOptions options)
    {
        if (string.IsNullOrEmpty(options.GraphId))
        {
            return UserJson.Object(_core.UserJsonOptions, options.Metadata, "metadata");
        }

        var metadata = UserJson.ObjectOrEmpty(_core.UserJsonOptions, options.Metadata.Where(e => e.Key != "graph_id"), "metadata");
        metadata["graph_id"] = JsonSerializer.SerializeToElement(options.GraphId, LangGraphJsonContext.Default.String);
        return metadata;
    }

    private List<ThreadSuperstepRequest> Supersteps(IList<ThreadSuperstep> supersteps)
    {
        var user = _core.UserJsonOptions;
        return supersteps.Select(step => new ThreadSuperstepRequest
        {
            Updates = step.Updates.Select(update => new ThreadSuperstepUpdateRequest
            {
                Values = UserJson.ElementOrNull(user, update.Values, "supersteps.values"),
                Command = RunCommandRequest.From(update.Command, user),
                AsNode = string.IsNullOrEmpty(update.AsNode) ? null : update.AsNode,
            }).ToList(),
        }).ToList();
    }
}

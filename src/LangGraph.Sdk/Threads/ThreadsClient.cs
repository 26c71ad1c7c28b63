using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
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
            new LangGraphRequest(HttpMethod.Get, ThreadPath(threadId), options) { Query = query },
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
        using var body = _core.CreateBody();
        if (options is not null)
        {
            if (!string.IsNullOrEmpty(options.ThreadId))
            {
                body.String("thread_id", options.ThreadId);
            }

            if (options.Metadata.Count > 0 || !string.IsNullOrEmpty(options.GraphId))
            {
                body.Dictionary("metadata", options.Metadata, string.IsNullOrEmpty(options.GraphId) ? null : "graph_id", options.GraphId);
            }

            if (options.IfExists is { } ifExists)
            {
                body.String("if_exists", ifExists.Value);
            }

            if (options.Supersteps.Count > 0)
            {
                WriteSupersteps(body, options.Supersteps);
            }

            if (options.Ttl is { } ttl)
            {
                WriteTtl(body, ttl);
            }
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads", options) { Body = body.ToArray() },
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
        using var body = _core.CreateBody();
        body.Dictionary("metadata", options.Metadata);
        if (options.Ttl is { } ttl)
        {
            WriteTtl(body, ttl);
        }

        var request = new LangGraphRequest(HttpMethod.Patch, path, options)
        {
            Body = body.ToArray(),
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
        _core.SendAsync(new LangGraphRequest(HttpMethod.Delete, ThreadPath(threadId), options), cancellationToken);

    /// <summary>Searches threads (<c>POST /threads/search</c>). Under custom auth the server returns only the caller's threads.</summary>
    /// <param name="options">Filters, paging, sorting, selected fields and extracted paths; defaults to the first 10 threads.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching threads.</returns>
    public virtual async Task<IReadOnlyList<LangGraphThread>> SearchAsync(ThreadSearchOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ThreadSearchOptions();
        using var body = _core.CreateBody();
        WriteFilters(body, options.Metadata, options.Values, options.Status);
        if (options.Ids.Count > 0)
        {
            body.Strings("ids", options.Ids);
        }

        body.Number("limit", options.Limit).Number("offset", options.Offset);
        if (options.SortBy is { } sortBy)
        {
            body.String("sort_by", sortBy.Value);
        }

        if (options.SortOrder is { } sortOrder)
        {
            body.String("sort_order", sortOrder.Value);
        }

        if (options.Select.Count > 0)
        {
            body.Strings("select", options.Select);
        }

        if (options.Extract.Count > 0)
        {
            body.Writer.WriteStartObject("extract");
            foreach (var (alias, path) in options.Extract)
            {
                body.Writer.WriteString(alias, path);
            }

            body.Writer.WriteEndObject();
        }

        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads/search", options) { Body = body.ToArray() },
            LangGraphJsonContext.Default.ListLangGraphThread,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts threads (<c>POST /threads/count</c>).</summary>
    /// <param name="options">Filters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many threads match.</returns>
    public virtual Task<int> CountAsync(ThreadCountOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var body = _core.CreateBody();
        if (options is not null)
        {
            WriteFilters(body, options.Metadata, options.Values, options.Status);
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads/count", options) { Body = body.ToArray() },
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
            new LangGraphRequest(HttpMethod.Post, ThreadPath(threadId) + "/copy", options),
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
        using var body = _core.CreateBody();
        body.Strings("thread_ids", threadIds);
        if (options is not null && options.Strategy != PruneStrategy.Delete)
        {
            body.String("strategy", options.Strategy.Value);
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, "/threads/prune", options) { Body = body.ToArray() },
            LangGraphJsonContext.Default.ThreadPruneResult,
            cancellationToken);
    }

    /// <summary>
    /// Gets a thread's state: the latest (<c>GET /threads/{id}/state</c>), at a checkpoint
    /// (<c>POST /threads/{id}/state/checkpoint</c>) or at a checkpoint id (<c>GET /threads/{id}/state/{checkpoint_id}</c>).
    /// </summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">The checkpoint, whether to include subgraphs, headers.</param>
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
            request = new LangGraphRequest(HttpMethod.Get, path + route, options) { Query = new QueryBuilder().Add("subgraphs", true) };
        }
        else if (options?.Checkpoint is { } checkpoint)
        {
            using var body = _core.CreateBody();
            body.Checkpoint("checkpoint", checkpoint);

            // Sent only when true, as the JS SDK does: the JS server's schema refuses a boolean here, and false is the default.
            if (subgraphs)
            {
                body.Boolean("subgraphs", true);
            }

            request = new LangGraphRequest(HttpMethod.Post, path + "/state/checkpoint", options) { Body = body.ToArray() };
        }
        else if (!string.IsNullOrEmpty(options?.CheckpointId))
        {
            request = new LangGraphRequest(HttpMethod.Get, path + "/state/" + UrlPath.Segment(options.CheckpointId, "checkpointId"), options)
            {
                Query = new QueryBuilder().Add("subgraphs", subgraphs),
            };
        }
        else
        {
            request = new LangGraphRequest(HttpMethod.Get, path + "/state", options) { Query = new QueryBuilder().Add("subgraphs", subgraphs) };
        }

        return _core.SendAsync(request, LangGraphJsonContext.Default.ThreadState, cancellationToken);
    }

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
        using var body = _core.CreateBody();
        body.Value("values", values);
        if (options is not null)
        {
            if (!string.IsNullOrEmpty(options.CheckpointId))
            {
                body.String("checkpoint_id", options.CheckpointId);
            }

            if (options.Checkpoint is { } checkpoint)
            {
                body.Checkpoint("checkpoint", checkpoint);
            }

            if (!string.IsNullOrEmpty(options.AsNode))
            {
                body.String("as_node", options.AsNode);
            }
        }

        return _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path + "/state", options) { Body = body.ToArray() },
            LangGraphJsonContext.Default.ThreadUpdateStateResponse,
            cancellationToken);
    }

    /// <summary>Gets a thread's past states, newest first (<c>POST /threads/{thread_id}/history</c>).</summary>
    /// <param name="threadId">The thread id.</param>
    /// <param name="options">Limit, the checkpoint to start before, metadata filter, checkpoint, headers.</param>
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

        using var body = _core.CreateBody();
        body.Number("limit", options.Limit);
        if (!string.IsNullOrEmpty(options.Before))
        {
            body.String("before", options.Before);
        }
        else if (options.BeforeCheckpoint is { } before)
        {
            body.Checkpoint("before", before);
        }

        if (options.Metadata.Count > 0)
        {
            body.Dictionary("metadata", options.Metadata);
        }

        if (options.Checkpoint is { } checkpoint)
        {
            body.Checkpoint("checkpoint", checkpoint);
        }

        return await _core.SendAsync(
            new LangGraphRequest(HttpMethod.Post, path + "/history", options) { Body = body.ToArray() },
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
    public virtual async IAsyncEnumerable<StreamPart> JoinStreamAsync(string threadId, ThreadJoinStreamOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var path = ThreadPath(threadId);
        var modes = options?.StreamMode is { Count: > 0 } requested ? requested.Select(m => m.Value).ToList() : [ThreadStreamMode.RunModes.Value];
        var request = new LangGraphRequest(HttpMethod.Get, path + "/stream", options)
        {
            Query = new QueryBuilder().Add("stream_mode", modes),
        };

        var settings = new StreamSettings { LastEventId = options?.LastEventId };
        await foreach (var part in _core.StreamAsync(request, settings, cancellationToken).ConfigureAwait(false))
        {
            yield return part;
        }
    }

    private static string ThreadPath(string threadId) => "/threads/" + UrlPath.Segment(threadId, nameof(threadId));

    private static void WriteFilters(JsonBody body, IDictionary<string, object?> metadata, IDictionary<string, object?> values, ThreadStatus? status)
    {
        if (metadata.Count > 0)
        {
            body.Dictionary("metadata", metadata);
        }

        if (values.Count > 0)
        {
            body.Dictionary("values", values);
        }

        if (status is { } s)
        {
            body.String("status", s.Value);
        }
    }

    private static void WriteTtl(JsonBody body, ThreadTtl ttl)
    {
        body.Writer.WriteStartObject("ttl");
        body.Writer.WriteNumber("ttl", ttl.Minutes);
        body.Writer.WriteString("strategy", ttl.Strategy);
        body.Writer.WriteEndObject();
    }

    private static void WriteSupersteps(JsonBody body, IList<ThreadSuperstep> supersteps)
    {
        body.Writer.WriteStartArray("supersteps");
        foreach (var superstep in supersteps)
        {
            body.Writer.WriteStartObject();
            body.Writer.WriteStartArray("updates");
            foreach (var update in superstep.Updates)
            {
                body.Writer.WriteStartObject();
                body.Value("values", update.Values);
                if (update.Command is { } command)
                {
                    body.Command("command", command);
                }

                if (!string.IsNullOrEmpty(update.AsNode))
                {
                    body.String("as_node", update.AsNode);
                }

                body.Writer.WriteEndObject();
            }

            body.Writer.WriteEndArray();
            body.Writer.WriteEndObject();
        }

        body.Writer.WriteEndArray();
    }
}

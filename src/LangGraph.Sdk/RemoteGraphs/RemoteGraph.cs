using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Diagnostics;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.RemoteGraphs;
using LangGraph.Sdk.Serialization;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk;

/// <summary>
/// A graph deployed on a LangGraph server, called as if it were local (Python's <c>RemoteGraph</c>): invoke it, stream
/// it, read and update its thread state, draw it. Runs are stateless unless the config names a thread
/// (<c>configurable["thread_id"]</c>). Thread-safe and reusable; <see cref="WithConfig"/> derives copies.
/// </summary>
/// <example>
/// <code>
/// using var graph = new RemoteGraph("agent", new RemoteGraphOptions
/// {
///     Url = new Uri("http://localhost:2024"),
///     Headers = { ["Authorization"] = $"Bearer {token}" },
/// });
/// JsonElement output = await graph.InvokeAsync(new { messages = new[] { "hi" } });
/// </code>
/// </example>
public class RemoteGraph : IDisposable
{
    private static readonly StreamMode[] InvokeModes = [StreamMode.Values];

    private readonly RunConfig? _config;
    private readonly HeaderDictionary? _headers;
    private readonly bool _ownsClient;
    private readonly bool _distributedTracing;
    private int _disposed;

    /// <summary>Creates a remote graph with its own client, built from <paramref name="options"/>.</summary>
    /// <param name="assistantId">The assistant id, or a graph name (the server's default assistant of that graph).</param>
    /// <param name="options">The URL (required), API key, headers, default config and name.</param>
    /// <exception cref="ArgumentException">The assistant id is empty, <see cref="RemoteGraphOptions.Url"/> is missing, or the client settings are invalid.</exception>
    public RemoteGraph(string assistantId, RemoteGraphOptions options)
    {
        AssistantId = CheckAssistantId(assistantId);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Url is null)
        {
            throw new ArgumentException(
                "RemoteGraph needs to know where the graph is: set RemoteGraphOptions.Url to the deployment's URL, or pass a LangGraphClient (new RemoteGraph(assistantId, client)).",
                nameof(options));
        }

        var clientOptions = new LangGraphClientOptions
        {
            ApiUrl = options.Url,
            ApiKey = options.ApiKey,
            ReadApiKeyFromEnvironment = options.ReadApiKeyFromEnvironment,
        };
        foreach (var (name, value) in options.Headers)
        {
            clientOptions.DefaultHeaders[name] = value;
        }

        if (options.Timeout is { } timeout)
        {
            clientOptions.Timeout = timeout;
        }

        Client = new LangGraphClient(clientOptions);
        _ownsClient = true;
        _config = RemoteGraphConfig.Copy(options.Config);
        _distributedTracing = options.DistributedTracing;
        Name = string.IsNullOrEmpty(options.Name) ? AssistantId : options.Name;
    }

    /// <summary>
    /// Creates a remote graph that calls through <paramref name="client"/>, which stays yours (disposing the graph does
    /// not dispose it). Headers and an API key in <paramref name="options"/> are sent on each of this graph's calls.
    /// </summary>
    /// <param name="assistantId">The assistant id, or a graph name.</param>
    /// <param name="client">The client to call through.</param>
    /// <param name="options">Headers, API key, default config and name; <see cref="RemoteGraphOptions.Url"/> must be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException">The assistant id is empty, or <see cref="RemoteGraphOptions.Url"/> is set.</exception>
    public RemoteGraph(string assistantId, LangGraphClient client, RemoteGraphOptions? options = null)
    {
        AssistantId = CheckAssistantId(assistantId);
        Client = client ?? throw new ArgumentNullException(
            nameof(client),
            "RemoteGraph needs a client or a URL: pass a LangGraphClient, or use new RemoteGraph(assistantId, new RemoteGraphOptions { Url = … }).");
        if (options?.Url is not null)
        {
            throw new ArgumentException("RemoteGraphOptions.Url cannot be combined with a client: the client already has its URL.", nameof(options));
        }

        if (options is not null && (options.Headers.Count > 0 || options.ApiKey is not null))
        {
            _headers = new HeaderDictionary(allowApiKey: true);
            foreach (var (name, value) in options.Headers)
            {
                _headers[name] = value;
            }

            if (options.ApiKey is { } apiKey)
            {
                _headers[HeaderDictionary.ApiKeyHeader] = apiKey;
            }
        }

        _config = RemoteGraphConfig.Copy(options?.Config);
        _distributedTracing = options?.DistributedTracing ?? false;
        Name = string.IsNullOrEmpty(options?.Name) ? AssistantId : options.Name;
    }

    /// <summary>For mocking frameworks only: a graph created this way has no connection.</summary>
    protected RemoteGraph()
    {
        AssistantId = string.Empty;
        Name = string.Empty;
        Client = null!;
    }

    private RemoteGraph(RemoteGraph source, RunConfig? config)
    {
        AssistantId = source.AssistantId;
        Name = source.Name;
        Client = source.Client;
        _headers = source._headers;
        _distributedTracing = source._distributedTracing;
        _ownsClient = false;
        _config = config;
    }

    /// <summary>Gets the assistant id (or graph name) every call uses.</summary>
    public string AssistantId { get; }

    /// <summary>Gets the graph's name (the assistant id unless one was given).</summary>
    public string Name { get; }

    /// <summary>Gets the client the graph calls through.</summary>
    public LangGraphClient Client { get; }

    /// <summary>Gets a copy of the config merged into every call, or null when there is none.</summary>
    public RunConfig? Config => RemoteGraphConfig.Copy(_config);

    /// <summary>
    /// Runs the graph and returns its final state (Python's <c>invoke</c>): streams the run with the <c>values</c> and
    /// <c>updates</c> modes and returns the last <c>values</c>. A run stopped at an interrupt returns its state with an
    /// <c>__interrupt__</c> entry (see <see cref="InvokeOutputAsync"/> for a typed split).
    /// </summary>
    /// <remarks>
    /// The config is merged with the graph's own, then sanitised: only tags, metadata, recursion_limit and configurable are
    /// sent; <c>checkpoint_*</c> keys and values that cannot be sent as JSON are dropped; <c>configurable["thread_id"]</c>
    /// is taken out and names the thread (created when missing). Without one, the run is stateless.
    /// </remarks>
    /// <param name="input">The graph's input (any serialisable object), or a <see cref="RunCommand"/> to resume, update or go to a node.</param>
    /// <param name="config">The run's config, merged into the graph's.</param>
    /// <param name="options">Context, interrupts, multitask strategy and the other run fields, per-call headers.</param>
    /// <param name="cancellationToken">Cancels the run's stream.</param>
    /// <returns>The final state values; a JSON null when the run sent none.</returns>
    /// <exception cref="RemoteGraphException">The run failed on the server.</exception>
    /// <exception cref="LangGraphApiException">The server refused the call (for example an unknown assistant or 401).</exception>
    public virtual async Task<JsonElement> InvokeAsync(object? input, RunConfig? config = null, RemoteGraphInvokeOptions? options = null, CancellationToken cancellationToken = default)
    {
        // The span starts first: the trace context StartRun writes is this span's, and the run's runs.stream span nests in it.
        var activity = Telemetry.StartRemoteGraph("remote_graph.invoke", AssistantId, threadId: null, invokesAgent: true);
        Exception? failure = null;
        try
        {
            var (parts, run) = StartRun(input, config, InvokeModes, subgraphs: false, options, cancellationToken);
            Telemetry.SetConversation(activity, run.ThreadId);
            var final = new FinalState();
            await foreach (var part in parts.ConfigureAwait(false))
            {
                if (run.TryChunk(part, out var chunk))
                {
                    final.Add(chunk);
                }
            }

            return final.Result;
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            Telemetry.StopSpan(activity, failure);
        }
    }

    /// <summary>Runs the graph and returns its final state as <typeparamref name="TOutput"/> (AOT-safe with a source-generated type info).</summary>
    /// <typeparam name="TOutput">The state type.</typeparam>
    /// <param name="input">The graph's input, or a <see cref="RunCommand"/>.</param>
    /// <param name="typeInfo">The type's JSON metadata.</param>
    /// <param name="config">The run's config, merged into the graph's.</param>
    /// <param name="options">The other run fields, per-call headers.</param>
    /// <param name="cancellationToken">Cancels the run's stream.</param>
    /// <returns>The final state, or default when the run sent none.</returns>
    /// <exception cref="RemoteGraphException">The run failed on the server.</exception>
    /// <exception cref="JsonException">The state does not fit the type.</exception>
    public virtual async Task<TOutput?> InvokeAsync<TOutput>(object? input, JsonTypeInfo<TOutput> typeInfo, RunConfig? config = null, RemoteGraphInvokeOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var result = await InvokeAsync(input, config, options, cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? default : result.Deserialize(typeInfo);
    }

    /// <summary>
    /// Runs the graph and returns its final state as <typeparamref name="TOutput"/>, read with the SDK's JSON options
    /// (snake_case, case-insensitive). Uses reflection; prefer the <see cref="JsonTypeInfo{T}"/> overload in trimmed or AOT apps.
    /// </summary>
    /// <typeparam name="TOutput">The state type.</typeparam>
    /// <param name="input">The graph's input, or a <see cref="RunCommand"/>.</param>
    /// <param name="config">The run's config, merged into the graph's.</param>
    /// <param name="options">The other run fields, per-call headers.</param>
    /// <param name="cancellationToken">Cancels the run's stream.</param>
    /// <returns>The final state, or default when the run sent none.</returns>
    /// <exception cref="RemoteGraphException">The run failed on the server.</exception>
    /// <exception cref="JsonException">The state does not fit the type.</exception>
    [RequiresUnreferencedCode("Uses reflection-based JSON serialization. Use the JsonTypeInfo<T> overload for trimmed or AOT apps.")]
    [RequiresDynamicCode("Uses reflection-based JSON serialization. Use the JsonTypeInfo<T> overload for trimmed or AOT apps.")]
    public virtual async Task<TOutput?> InvokeAsync<TOutput>(object? input, RunConfig? config = null, RemoteGraphInvokeOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await InvokeAsync(input, config, options, cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? default : result.Deserialize<TOutput>(LangGraphJsonUtilities.DefaultOptions);
    }

    /// <summary>
    /// Runs the graph and returns its final state split into values and pending interrupts (Python's
    /// <c>invoke(version="v2")</c> and its <c>GraphOutput</c>).
    /// </summary>
    /// <param name="input">The graph's input, or a <see cref="RunCommand"/> (for example <c>new RunCommand { Resume = "yes" }</c>).</param>
    /// <param name="config">The run's config, merged into the graph's.</param>
    /// <param name="options">The other run fields, per-call headers.</param>
    /// <param name="cancellationToken">Cancels the run's stream.</param>
    /// <returns>The values and the interrupts.</returns>
    /// <exception cref="RemoteGraphException">The run failed on the server.</exception>
    public virtual async Task<GraphOutput> InvokeOutputAsync(object? input, RunConfig? config = null, RemoteGraphInvokeOptions? options = null, CancellationToken cancellationToken = default) =>
        GraphOutput.FromValues(await InvokeAsync(input, config, options, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Runs the graph and streams its output (Python's <c>astream</c>): the requested modes (<c>updates</c> by default),
    /// each chunk with its mode, subgraph namespace and data.
    /// </summary>
    /// <remarks>
    /// <c>messages</c> is requested as <c>messages-tuple</c> (chunks are <c>[message, metadata]</c> pairs, see
    /// <see cref="RemoteGraphChunk.TryGetMessage"/>). <c>updates</c> is always requested so that interrupts are seen: an
    /// <c>updates</c> chunk that carries <c>__interrupt__</c> is yielded even when <c>updates</c> was not asked for, and
    /// other chunks of modes not asked for are dropped. Config and thread handling are those of <see cref="InvokeAsync(object?, RunConfig?, RemoteGraphInvokeOptions?, CancellationToken)"/>.
    /// </remarks>
    /// <param name="input">The graph's input, or a <see cref="RunCommand"/>.</param>
    /// <param name="config">The run's config, merged into the graph's.</param>
    /// <param name="options">Stream modes, subgraphs, the other run fields, per-call headers.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The chunks, as they arrive.</returns>
    /// <exception cref="RemoteGraphException">The run failed on the server.</exception>
    /// <exception cref="ArgumentException">A requested mode is empty or <c>events</c>.</exception>
#pragma warning disable CS8424 // The token goes to the iterator returned, which observes it; the attribute states the contract.
    public virtual IAsyncEnumerable<RemoteGraphChunk> StreamAsync(object? input, RunConfig? config = null, RemoteGraphStreamOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS8424
    {
        // Not an iterator: the modes and the config are checked now, the run starts on the first MoveNextAsync.
        var (parts, run) = StartRun(input, config, CheckModes(options?.StreamMode), options?.StreamSubgraphs ?? false, options, cancellationToken);
        return Chunks(parts, run, AssistantId, cancellationToken);
    }

    /// <summary>
    /// Runs the graph over a thread stream and yields the run's protocol events (Python's <c>stream_events(version="v3")</c>,
    /// JS <c>streamEvents</c> v3): every channel, every namespace, from the run's start to its end (the root <c>lifecycle</c>
    /// <c>completed</c>, <c>interrupted</c> or <c>failed</c>, included).
    /// </summary>
    /// <remarks>
    /// The thread is <c>configurable["thread_id"]</c> of the merged config (taken out of the config sent), else a new one
    /// minted by the client. The config is sanitised as for <see cref="StreamAsync"/>. A <see cref="RunCommand"/> sends its
    /// <see cref="RunCommand.Resume"/> as the input, which the server takes as the resume value of a thread waiting at an
    /// interrupt; <c>run.start</c> carries no update or goto, so a command with those is refused. The stream is closed when
    /// the enumeration ends.
    /// </remarks>
    /// <param name="input">The graph's input, or a <see cref="RunCommand"/> with <see cref="RunCommand.Resume"/>.</param>
    /// <param name="config">The run's config, merged into the graph's.</param>
    /// <param name="options">The transport, the run's metadata and multitask strategy, and headers.</param>
    /// <param name="cancellationToken">Stops the stream (not the run).</param>
    /// <returns>The run's events, as they arrive.</returns>
    /// <exception cref="RemoteGraphException">The run failed on the server (after its <c>failed</c> event is yielded).</exception>
    /// <exception cref="ArgumentException">The input is a <see cref="RunCommand"/> with an update or a goto.</exception>
#pragma warning disable CS8424 // The token goes to the iterator returned, which observes it; the attribute states the contract.
    public virtual IAsyncEnumerable<ThreadEvent> StreamEventsAsync(object? input, RunConfig? config = null, RemoteGraphStreamEventsOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS8424
    {
        // Not an iterator: the input and the config are checked now, the stream opens on the first MoveNextAsync.
        if (input is RunCommand { Update: not null } or RunCommand { Goto: not null })
        {
            throw new ArgumentException(
                "StreamEventsAsync starts its run with the protocol's run.start, which carries no update or goto: pass a RunCommand with Resume only, or use StreamAsync.",
                nameof(input));
        }

        var runConfig = RemoteGraphConfig.ForRun(RemoteGraphConfig.Merge(_config, config), out var threadId);
        var streamOptions = new ThreadStreamOptions { AssistantId = AssistantId, Transport = options?.Transport ?? ThreadStreamTransport.Sse };
        ApplyRequestOptions(streamOptions, options);
        var startOptions = new ThreadRunStartOptions { Config = runConfig, MultitaskStrategy = options?.MultitaskStrategy };
        if (options is not null)
        {
            foreach (var (key, value) in options.Metadata)
            {
                startOptions.Metadata[key] = value;
            }
        }

        var thread = Client.Threads.Stream(threadId, streamOptions);
        return RunEventsAsync(thread, input is RunCommand command ? command.Resume : input, startOptions, cancellationToken);
    }

    private async IAsyncEnumerable<ThreadEvent> RunEventsAsync(ThreadStream thread, object? input, ThreadRunStartOptions startOptions, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using (thread.ConfigureAwait(false))
        {
            var started = await thread.StartRunAsync(input, startOptions, cancellationToken).ConfigureAwait(false);
            await foreach (var e in thread.Events.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return e;
                if (e.IsRoot && ThreadStreams.ThreadProjections.IsTerminal(e))
                {
                    if (ThreadStreams.ThreadProjections.LifecycleEvent(e) == "failed")
                    {
                        var (errorName, errorMessage) = RunErrors.Read(ThreadStreams.ThreadProjections.LifecycleError(e));
                        throw new RemoteGraphException(Name, errorName, errorMessage, started.RunId, thread.ThreadId, e.Data);
                    }

                    yield break;
                }
            }
        }
    }

    /// <summary>The chunks of a run, inside the <c>remote_graph.stream</c> span (started on the first <c>MoveNextAsync</c>, with the run's <c>runs.stream</c> span nested in it).</summary>
    private static async IAsyncEnumerable<RemoteGraphChunk> Chunks(IAsyncEnumerable<StreamPart> parts, RemoteRun run, string assistantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var activity = Telemetry.StartRemoteGraph("remote_graph.stream", assistantId, run.ThreadId, invokesAgent: true);
        Exception? failure = null;
        var enumerator = parts.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await Telemetry.MoveNextAsync(enumerator, activity).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    failure = ex;
                    throw;
                }

                if (!moved)
                {
                    break;
                }

                if (run.TryChunk(enumerator.Current, out var chunk))
                {
                    yield return chunk;
                }
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
            Telemetry.StopSpan(activity, failure);
        }
    }

    /// <summary>
    /// Gets the state of the thread the config names (Python's <c>get_state</c>): at the checkpoint its
    /// <c>configurable</c> names (<c>checkpoint_id</c>, <c>checkpoint_ns</c>, <c>checkpoint_map</c>), or the latest.
    /// </summary>
    /// <param name="config">A config with <c>configurable["thread_id"]</c>, such as a <see cref="StateSnapshot.Config"/>.</param>
    /// <param name="subgraphs">Whether to include the states of subgraphs.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state.</returns>
    /// <exception cref="ArgumentException">The config names no thread.</exception>
    public virtual async Task<StateSnapshot> GetStateAsync(RunConfig config, bool subgraphs = false, LangGraphRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = RemoteGraphConfig.Merge(_config, config);
        var threadId = RemoteGraphConfig.RequireThreadId(merged, nameof(config));
        var request = new ThreadGetStateOptions { Subgraphs = subgraphs };

        // Python always posts the checkpoint (POST /state/checkpoint). A root checkpoint is read by the GET routes instead,
        // which give the same state and also take subgraphs=true on the JS server (its checkpoint route refuses it).
        var checkpoint = RemoteGraphConfig.ToCheckpoint(merged)!;
        if (!string.IsNullOrEmpty(checkpoint.CheckpointNs) || checkpoint.CheckpointMap is not null)
        {
            request.Checkpoint = checkpoint;
        }
        else
        {
            request.CheckpointId = checkpoint.CheckpointId;
        }

        var activity = Telemetry.StartRemoteGraph("remote_graph.get_state", AssistantId, threadId, invokesAgent: false);
        var state = await Telemetry.EndSpanAsync(activity, () =>
        {
            ApplyRequestOptions(request, options);
            return Client.Threads.GetStateAsync(threadId, request, cancellationToken);
        }).ConfigureAwait(false);
        return RemoteGraphConfig.ToSnapshot(state);
    }

    /// <summary>Gets the past states of the thread the config names, newest first (Python's <c>get_state_history</c>).</summary>
    /// <param name="config">A config with <c>configurable["thread_id"]</c> (and optionally a checkpoint namespace).</param>
    /// <param name="filter">Checkpoint metadata the states must have.</param>
    /// <param name="before">A config naming a checkpoint (<c>configurable["checkpoint_id"]</c>, as in <see cref="StateSnapshot.Config"/>): only states before it are returned.</param>
    /// <param name="limit">How many states to return; 10 when null.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The states.</returns>
    /// <exception cref="ArgumentException">The config names no thread.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
#pragma warning disable CS8424 // The token goes to the iterator returned, which observes it; the attribute states the contract.
    public virtual IAsyncEnumerable<StateSnapshot> GetStateHistoryAsync(
        RunConfig config,
        IReadOnlyDictionary<string, object?>? filter = null,
        RunConfig? before = null,
        int? limit = null,
        LangGraphRequestOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
#pragma warning restore CS8424
    {
        ArgumentNullException.ThrowIfNull(config);
        if (limit is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The limit must be positive.");
        }

        var merged = RemoteGraphConfig.Merge(_config, config);
        var threadId = RemoteGraphConfig.RequireThreadId(merged, nameof(config));
        // Python sends `before` as a checkpoint object; the JS server accepts only a checkpoint id there (400 otherwise),
        // and both servers accept the id, so the id is sent when the config names one.
        var beforeCheckpoint = RemoteGraphConfig.ToCheckpoint(before);
        var request = new ThreadGetHistoryOptions
        {
            Limit = limit ?? 10,
            Before = beforeCheckpoint?.CheckpointId,
            BeforeCheckpoint = beforeCheckpoint?.CheckpointId is null ? beforeCheckpoint : null,
            Checkpoint = RemoteGraphConfig.ToCheckpoint(merged),
        };
        if (filter is not null)
        {
            foreach (var (key, value) in filter)
            {
                request.Metadata[key] = value;
            }
        }

        ApplyRequestOptions(request, options);
        return History(threadId, request, cancellationToken);
    }

    /// <summary>The states, fetched inside the <c>remote_graph.get_state_history</c> span (started on the first <c>MoveNextAsync</c>, the <c>threads.get_history</c> span nested in it).</summary>
    private async IAsyncEnumerable<StateSnapshot> History(string threadId, ThreadGetHistoryOptions request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var activity = Telemetry.StartRemoteGraph("remote_graph.get_state_history", AssistantId, threadId, invokesAgent: false);
        var states = await Telemetry.EndSpanAsync(activity, () => Client.Threads.GetHistoryAsync(threadId, request, cancellationToken)).ConfigureAwait(false);
        foreach (var state in states)
        {
            yield return RemoteGraphConfig.ToSnapshot(state);
        }
    }

    /// <summary>
    /// Updates the state of the thread the config names as if <paramref name="asNode"/> had written it (Python's
    /// <c>update_state</c>), from the checkpoint the config names or the latest.
    /// </summary>
    /// <param name="config">A config with <c>configurable["thread_id"]</c>.</param>
    /// <param name="values">The values to write.</param>
    /// <param name="asNode">The node the update is attributed to; the server picks one when null.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The config of the checkpoint the update created.</returns>
    /// <exception cref="ArgumentException">The config names no thread.</exception>
    public virtual async Task<RunConfig> UpdateStateAsync(RunConfig config, object? values, string? asNode = null, LangGraphRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = RemoteGraphConfig.Merge(_config, config);
        var threadId = RemoteGraphConfig.RequireThreadId(merged, nameof(config));
        var request = new ThreadUpdateStateOptions { AsNode = asNode, Checkpoint = RemoteGraphConfig.ToCheckpoint(merged) };
        var activity = Telemetry.StartRemoteGraph("remote_graph.update_state", AssistantId, threadId, invokesAgent: false);
        var response = await Telemetry.EndSpanAsync(activity, () =>
        {
            ApplyRequestOptions(request, options);
            return Client.Threads.UpdateStateAsync(threadId, values, request, cancellationToken);
        }).ConfigureAwait(false);
        return RemoteGraphConfig.FromCheckpoint(response.Checkpoint)
            ?? throw new LangGraphException($"The server did not return the checkpoint the state update of thread {threadId} created.");
    }

    /// <summary>Gets the graph's drawing: its nodes and edges (Python's <c>get_graph</c>); render it with <see cref="AssistantGraph.ToMermaid"/>.</summary>
    /// <param name="xray">Whether (or how deep) to draw subgraphs too.</param>
    /// <param name="options">Per-call headers.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The nodes and edges.</returns>
    public virtual async Task<AssistantGraph> GetGraphAsync(GraphXray xray = default, LangGraphRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        var activity = Telemetry.StartRemoteGraph("remote_graph.get_graph", AssistantId, threadId: null, invokesAgent: false);
        var request = new AssistantGetGraphOptions { Xray = xray };
        return await Telemetry.EndSpanAsync(activity, () =>
        {
            ApplyRequestOptions(request, options);
            return Client.Assistants.GetGraphAsync(AssistantId, request, cancellationToken);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns a copy of this graph whose config is this one's merged with <paramref name="config"/> (Python's
    /// <c>with_config</c>): metadata and configurable merged (the new keys win), tags concatenated, and the recursion
    /// limit taken when it is not the default (25). The copy shares this graph's client.
    /// </summary>
    /// <param name="config">The config to merge in.</param>
    /// <returns>The new graph.</returns>
    public virtual RemoteGraph WithConfig(RunConfig? config) => new(this, RemoteGraphConfig.Merge(_config, config));

    /// <summary>Releases the client this graph built (never a given one, and never from a <see cref="WithConfig"/> copy).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsClient && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Client.Dispose();
        }
    }

    private static string CheckAssistantId(string assistantId) =>
        string.IsNullOrWhiteSpace(assistantId)
            ? throw new ArgumentException("The assistant id (or graph name) of a remote graph cannot be empty.", nameof(assistantId))
            : assistantId;

    private static IReadOnlyList<StreamMode> CheckModes(IReadOnlyList<StreamMode>? modes)
    {
        if (modes is not { Count: > 0 })
        {
            return [StreamMode.Updates];
        }

        foreach (var mode in modes)
        {
            if (string.IsNullOrEmpty(mode.Value))
            {
                throw new ArgumentException("A stream mode cannot be empty.", nameof(modes));
            }

            if (mode == StreamMode.Events)
            {
                throw new ArgumentException("RemoteGraph does not stream the 'events' mode (neither does Python's); use client.Runs.StreamAsync for it.", nameof(modes));
            }
        }

        return modes;
    }

    /// <summary>The modes sent: the requested ones with <c>messages</c> as <c>messages-tuple</c>, plus <c>updates</c>, each once.</summary>
    private static List<StreamMode> ModesToSend(IReadOnlyList<StreamMode> requested) =>
        [.. requested.Select(mode => mode.AsTuples).Append(StreamMode.Updates).Distinct()];

    /// <summary>Starts a run's stream (lazily: nothing is sent until it is enumerated) and the reader of its events.</summary>
    private (IAsyncEnumerable<StreamPart> Parts, RemoteRun Run) StartRun(
        object? input,
        RunConfig? config,
        IReadOnlyList<StreamMode> requested,
        bool subgraphs,
        RemoteGraphInvokeOptions? options,
        CancellationToken cancellationToken)
    {
        var runConfig = RemoteGraphConfig.ForRun(RemoteGraphConfig.Merge(_config, config), out var threadId);
        var reader = new RemoteRun(threadId, requested);
        var run = new RunCreateOptions
        {
            Input = input is RunCommand ? null : input,
            Command = input as RunCommand,
            StreamMode = ModesToSend(requested),
            StreamSubgraphs = subgraphs,
            Config = runConfig,
            IfNotExists = IfNotExists.Create,
            RunError = (errorName, errorMessage, runId, _, error) =>
                new RemoteGraphException(Name, errorName, errorMessage, reader.RunId ?? runId, reader.ThreadId, error),
            OnRunCreated = created =>
            {
                reader.RunId = created.RunId;
                options?.OnRunCreated?.Invoke(created);
            },
        };
        if (options is not null)
        {
            run.Context = options.Context;
            run.InterruptBefore = options.InterruptBefore;
            run.InterruptAfter = options.InterruptAfter;
            run.MultitaskStrategy = options.MultitaskStrategy;
            run.Durability = options.Durability;
            run.Webhook = options.Webhook;
            run.OnDisconnect = options.OnDisconnect;
            run.OnCompletion = options.OnCompletion;
            run.StreamResumable = options.StreamResumable;
            foreach (var (key, value) in options.Metadata)
            {
                run.Metadata[key] = value;
            }
        }

        ApplyRequestOptions(run, options);
        return (Client.Runs.StreamAsync(threadId, AssistantId, run, cancellationToken), reader);
    }

    /// <summary>Per-call headers: the graph's own (given client), the trace context, then the caller's, which win.</summary>
    internal void ApplyRequestOptions(LangGraphRequestOptions target, LangGraphRequestOptions? caller)
    {
        if (_headers is not null)
        {
            foreach (var (name, value) in _headers)
            {
                target.Headers[name] = value;
            }
        }

        if (caller is not null)
        {
            foreach (var (name, value) in caller.Headers)
            {
                target.Headers[name] = value;
            }

            foreach (var (name, value) in caller.QueryParams)
            {
                target.QueryParams[name] = value;
            }
        }

        if (_distributedTracing)
        {
            TraceContext.Inject(target.Headers, Activity.Current);
        }
    }

    /// <summary>
    /// Keeps the final state of an invoke: the last root <c>values</c> chunk. When the run stops at an interrupt, the JS
    /// server's last chunk is only <c>{"__interrupt__": […]}</c>; the state before it is kept and the interrupts added, so
    /// the result has the same shape on every server (state plus <c>__interrupt__</c>).
    /// </summary>
    private sealed class FinalState
    {
        private JsonElement? _values;
        private JsonElement? _pendingInterrupts;

        public JsonElement Result
        {
            get
            {
                if (_values is not { } values)
                {
                    return _pendingInterrupts is { } only ? JsonValues.With(JsonValues.EmptyObject, InterruptData.Key, only) : JsonValues.Null;
                }

                return _pendingInterrupts is { } interrupts && values.ValueKind == JsonValueKind.Object && !values.TryGetProperty(InterruptData.Key, out _)
                    ? JsonValues.With(values, InterruptData.Key, interrupts)
                    : values;
            }
        }

        public void Add(RemoteGraphChunk chunk)
        {
            if (chunk.Namespace.Count > 0)
            {
                return;
            }

            var data = chunk.Data;
            if (chunk.Mode == StreamMode.Updates)
            {
                if (InterruptData.TryGetList(data, out var fromUpdates))
                {
                    _pendingInterrupts = fromUpdates;
                }

                return;
            }

            if (chunk.Mode != StreamMode.Values)
            {
                return;
            }

            var hasInterrupts = InterruptData.TryGetList(data, out var fromValues);
            if (hasInterrupts && InterruptData.IsOnlyInterrupts(data))
            {
                _pendingInterrupts = fromValues;
                return;
            }

            _values = data;
            _pendingInterrupts = hasInterrupts ? null : _pendingInterrupts;
        }
    }
}

using System;
using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="RunsClient.StreamAsync"/>, <see cref="RunsClient.CreateAsync"/> and <see cref="RunsClient.WaitAsync"/>:
/// every run-creation field of the Python SDK, with the same wire names. Null members are not sent; each method sends
/// the fields the Python SDK sends for it (for example <see cref="FeedbackKeys"/> only when streaming).
/// </summary>
public sealed class RunCreateOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the graph's input (any serialisable object). Not combined with <see cref="Command"/> in practice.</summary>
    public object? Input { get; set; }

    /// <summary>Gets or sets a command: resume an interrupt, update the state, or go to a node (<c>command</c>).</summary>
    public RunCommand? Command { get; set; }

    /// <summary>Gets or sets the stream modes (<c>stream_mode</c>); <see cref="LangGraph.Sdk.StreamMode.Values"/> when null or empty. Sent by stream and create.</summary>
    public IReadOnlyList<StreamMode>? StreamMode { get; set; }

    /// <summary>Gets or sets whether subgraph events are streamed too, as <c>mode|namespace</c> events (<c>stream_subgraphs</c>). Sent by stream and create.</summary>
    public bool StreamSubgraphs { get; set; }

    /// <summary>
    /// Gets or sets whether the server keeps the run's stream so that <see cref="RunsClient.JoinStreamAsync"/> can replay it
    /// after a disconnect (<c>stream_resumable</c>). Sent by stream and create.
    /// </summary>
    public bool StreamResumable { get; set; }

    /// <summary>Gets the run's metadata (<c>metadata</c>); sent when not empty. Never null.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets the run's config: tags, recursion limit, configurable values (<c>config</c>).</summary>
    public RunConfig? Config { get; set; }

    /// <summary>Gets or sets the static run context (<c>context</c>), any serialisable object.</summary>
    public object? Context { get; set; }

    /// <summary>Gets or sets the checkpoint to start from (<c>checkpoint</c>): time travel or a fork.</summary>
    public Checkpoint? Checkpoint { get; set; }

    /// <summary>Gets or sets the id of the checkpoint to start from (<c>checkpoint_id</c>).</summary>
    public string? CheckpointId { get; set; }

    /// <summary>Gets or sets whether checkpoints are saved during the run (<c>checkpoint_during</c>).</summary>
    [Obsolete("Deprecated by LangGraph: use Durability instead.")]
    public bool? CheckpointDuring { get; set; }

    /// <summary>Gets or sets the nodes to interrupt before (<c>interrupt_before</c>); <c>["*"]</c> means all nodes and is sent as <c>"*"</c>.</summary>
    public IReadOnlyList<string>? InterruptBefore { get; set; }

    /// <summary>Gets or sets the nodes to interrupt after (<c>interrupt_after</c>); <c>["*"]</c> means all nodes and is sent as <c>"*"</c>.</summary>
    public IReadOnlyList<string>? InterruptAfter { get; set; }

    /// <summary>
    /// Gets or sets whether resuming an interrupt that is not pending fails the run instead of being ignored
    /// (<c>strict_resume</c>; Python 0.4.14, JS 1.15.0). A strict server fails the run with <c>UnknownInterruptError</c>
    /// (reason <c>not_pending</c>, <c>empty_map</c> or <c>ambiguous</c>) before anything is written. Null is not sent.
    /// Sent by stream, create and wait (not by batch, as in the JS SDK). Servers that do not know the field, such as the
    /// JS dev server 1.5.1, ignore it.
    /// </summary>
    public bool? StrictResume { get; set; }

    /// <summary>Gets or sets the LangSmith feedback keys to create (<c>feedback_keys</c>). Sent by stream only.</summary>
    public IReadOnlyList<string>? FeedbackKeys { get; set; }

    /// <summary>Gets or sets what the server does with the run when this client disconnects (<c>on_disconnect</c>). Sent by stream and wait.</summary>
    public DisconnectMode? OnDisconnect { get; set; }

    /// <summary>Gets or sets what happens to the temporary thread of a stateless run when it completes (<c>on_completion</c>).</summary>
    public OnCompletionBehavior? OnCompletion { get; set; }

    /// <summary>Gets or sets a URL the server calls when the run finishes (<c>webhook</c>).</summary>
    public Uri? Webhook { get; set; }

    /// <summary>Gets or sets what happens when the thread already has a run in flight (<c>multitask_strategy</c>).</summary>
    public MultitaskStrategy? MultitaskStrategy { get; set; }

    /// <summary>Gets or sets what happens when the thread does not exist (<c>if_not_exists</c>).</summary>
    public IfNotExists? IfNotExists { get; set; }

    /// <summary>Gets or sets how many seconds the server waits before starting the run (<c>after_seconds</c>).</summary>
    public int? AfterSeconds { get; set; }

    /// <summary>Gets or sets when checkpoints are persisted (<c>durability</c>).</summary>
    public Durability? Durability { get; set; }

    /// <summary>Gets or sets the LangSmith tracing target, sent as <c>langsmith_tracer</c> (Python's <c>langsmith_tracing</c>).</summary>
    public LangSmithTracing? LangSmithTracing { get; set; }

    /// <summary>
    /// Gets or sets a callback that receives the new run's ids, read from the response's <c>Content-Location</c>, as soon as
    /// the server accepts the run: before the first event of a stream and before a wait completes. Persist them to join
    /// the run later.
    /// </summary>
    public Action<RunCreateMetadata>? OnRunCreated { get; set; }

    /// <summary>
    /// Gets or sets whether a failed run raises <see cref="LangGraphRunException"/>: a stream after yielding its
    /// <c>error</c> event, a wait instead of returning the <c>__error__</c> result (Python's <c>raise_error</c>).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ThrowOnError { get; set; } = true;

    /// <summary>Gets or sets the exception a run error becomes when <see cref="ThrowOnError"/> is true (RemoteGraph's hook).</summary>
    internal Streaming.RunErrorFactory? RunError { get; set; }
}

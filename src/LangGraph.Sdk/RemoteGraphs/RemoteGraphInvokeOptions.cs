using System;
using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// Options of <see cref="RemoteGraph.InvokeAsync(object?, RunConfig?, RemoteGraphInvokeOptions?, System.Threading.CancellationToken)"/>:
/// the run fields besides input and config (Python's <c>context</c>, <c>interrupt_before</c>, <c>interrupt_after</c> and
/// the <c>**kwargs</c> passed to <c>runs.stream</c>), plus per-call headers. Null members are not sent.
/// </summary>
public class RemoteGraphInvokeOptions : LangGraphRequestOptions
{
    /// <summary>Gets or sets the static run context (<c>context</c>), any serialisable object.</summary>
    public object? Context { get; set; }

    /// <summary>Gets or sets the nodes to interrupt before (<c>interrupt_before</c>); <c>["*"]</c> means all nodes.</summary>
    public IReadOnlyList<string>? InterruptBefore { get; set; }

    /// <summary>Gets or sets the nodes to interrupt after (<c>interrupt_after</c>); <c>["*"]</c> means all nodes.</summary>
    public IReadOnlyList<string>? InterruptAfter { get; set; }

    /// <summary>Gets the run's metadata (<c>metadata</c>); sent when not empty. Never null.</summary>
    public IDictionary<string, object?> Metadata { get; } = new Dictionary<string, object?>();

    /// <summary>Gets or sets what happens when the thread already has a run in flight (<c>multitask_strategy</c>).</summary>
    public MultitaskStrategy? MultitaskStrategy { get; set; }

    /// <summary>Gets or sets when checkpoints are persisted (<c>durability</c>).</summary>
    public Durability? Durability { get; set; }

    /// <summary>Gets or sets a URL the server calls when the run finishes (<c>webhook</c>).</summary>
    public Uri? Webhook { get; set; }

    /// <summary>Gets or sets what the server does with the run when this call is cancelled (<c>on_disconnect</c>).</summary>
    public DisconnectMode? OnDisconnect { get; set; }

    /// <summary>Gets or sets what happens to the temporary thread of a stateless run when it completes (<c>on_completion</c>).</summary>
    public OnCompletionBehavior? OnCompletion { get; set; }

    /// <summary>
    /// Gets or sets whether the server keeps the run's stream so that <see cref="RunsClient.JoinStreamAsync"/> can replay it
    /// after a disconnect (<c>stream_resumable</c>).
    /// </summary>
    public bool StreamResumable { get; set; }

    /// <summary>Gets or sets a callback that receives the new run's ids before its first event.</summary>
    public Action<RunCreateMetadata>? OnRunCreated { get; set; }
}

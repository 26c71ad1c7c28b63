using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>threads:create_run</c> event. Creating a run (create, stream, wait or batch; with or without a thread). Python's <c>RunsCreate</c>.
/// </summary>
/// <remarks>An <c>[On("threads", "create_run")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class RunsCreate : IMetadataValue
{
    private JsonObject _metadata = new();

    /// <summary>Gets or sets the assistant id, a UUID or (on the JS server) a graph id (<c>assistant_id</c>).</summary>
    public string? AssistantId { get; set; }

    /// <summary>Gets or sets the thread id, a UUID (<c>thread_id</c>).</summary>
    public string? ThreadId { get; set; }

    /// <summary>Gets or sets the run id, a UUID (<c>run_id</c>).</summary>
    public string? RunId { get; set; }

    /// <summary>Gets or sets the status (<c>status</c>).</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the metadata (<c>metadata</c>); never null, an absent one is empty. Changes are what the server stores.</summary>
    [AllowNull]
    public JsonObject Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new JsonObject();
    }

    /// <summary>Gets or sets whether to skip creating the run when the thread has one in flight (<c>prevent_insert_if_inflight</c>).</summary>
    public bool? PreventInsertIfInflight { get; set; }

    /// <summary>Gets or sets the multitask strategy: <c>"reject"</c>, <c>"interrupt"</c>, <c>"rollback"</c> or <c>"enqueue"</c> (<c>multitask_strategy</c>).</summary>
    public string? MultitaskStrategy { get; set; }

    /// <summary>Gets or sets what to do when the thread does not exist: <c>"create"</c> or <c>"reject"</c> (<c>if_not_exists</c>).</summary>
    public string? IfNotExists { get; set; }

    /// <summary>Gets or sets the delay before the run starts, in seconds (<c>after_seconds</c>).</summary>
    public double? AfterSeconds { get; set; }

    /// <summary>Gets or sets the rest of the run request (input, config, stream mode, …) (<c>kwargs</c>).</summary>
    public JsonObject? Kwargs { get; set; }

    /// <summary>Gets or sets the cancel action: <c>"interrupt"</c> or <c>"rollback"</c>, or null (<c>action</c>).</summary>
    public string? Action { get; set; }
}

namespace LangGraph.Sdk;

/// <summary>One run of <see cref="RunsClient.CreateBatchAsync"/>: an assistant, an optional thread and the run's fields.</summary>
public sealed class RunBatchItem
{
    /// <summary>Creates a batch item.</summary>
    /// <param name="assistantId">The assistant id or graph name.</param>
    public RunBatchItem(string assistantId) => AssistantId = assistantId;

    /// <summary>Gets the assistant id or graph name.</summary>
    public string AssistantId { get; }

    /// <summary>Gets or sets the thread to run on; null for a stateless run (empty or whitespace is refused).</summary>
    public string? ThreadId { get; set; }

    /// <summary>
    /// Gets or sets the run's fields, written as <see cref="RunsClient.CreateAsync"/> writes them. Headers, query
    /// parameters and <see cref="RunCreateOptions.OnRunCreated"/> belong to the whole batch and are refused here.
    /// </summary>
    public RunCreateOptions? Options { get; set; }
}

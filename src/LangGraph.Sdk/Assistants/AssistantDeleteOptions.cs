namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.DeleteAsync"/>.</summary>
public sealed class AssistantDeleteOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets or sets whether the threads whose <c>metadata.assistant_id</c> is this assistant are deleted too, with their
    /// runs and checkpoints. Sent as <c>delete_threads=true</c> only when true.
    /// </summary>
    /// <value>The default value is false.</value>
    public bool DeleteThreads { get; set; }
}

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The value of the <c>assistants:delete</c> event. Deleting an assistant. Python's <c>AssistantsDelete</c>.
/// </summary>
/// <remarks>An <c>[On("assistants", "delete")]</c> handler receives it and may change it; the server uses the changed value.</remarks>
public sealed class AssistantsDelete
{
    /// <summary>Gets or sets the assistant id, a UUID or (on the JS server) a graph id (<c>assistant_id</c>).</summary>
    public string? AssistantId { get; set; }
}

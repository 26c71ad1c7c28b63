namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.GetAsync"/>: per-call headers and query parameters.</summary>
public sealed class AssistantGetOptions : LangGraphRequestOptions
{
}

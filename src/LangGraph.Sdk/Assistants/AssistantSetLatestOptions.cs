namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.SetLatestAsync"/>: per-call headers and query parameters.</summary>
public sealed class AssistantSetLatestOptions : LangGraphRequestOptions
{
}

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.GetSchemasAsync"/>: per-call headers and query parameters.</summary>
public sealed class AssistantGetSchemasOptions : LangGraphRequestOptions
{
}

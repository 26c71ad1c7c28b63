namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.GetAsync"/>: headers and query parameters.</summary>
public sealed class RunGetOptions : LangGraphRequestOptions
{
}

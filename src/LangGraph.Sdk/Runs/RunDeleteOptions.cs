namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.DeleteAsync"/>: headers and query parameters.</summary>
public sealed class RunDeleteOptions : LangGraphRequestOptions
{
}

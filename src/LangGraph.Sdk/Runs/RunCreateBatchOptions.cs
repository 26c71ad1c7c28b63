namespace LangGraph.Sdk;

/// <summary>Options of <see cref="RunsClient.CreateBatchAsync"/>: headers and query parameters.</summary>
public sealed class RunCreateBatchOptions : LangGraphRequestOptions
{
}

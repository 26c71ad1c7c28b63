namespace LangGraph.Sdk;

/// <summary>Options of <see cref="CronsClient.DeleteAsync"/>: per-call headers and query parameters.</summary>
public sealed class CronDeleteOptions : LangGraphRequestOptions
{
}

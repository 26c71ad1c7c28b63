namespace LangGraph.Sdk;

/// <summary>Options of <see cref="StoreClient.DeleteItemAsync"/>: per-call headers and query parameters.</summary>
public sealed class StoreDeleteItemOptions : LangGraphRequestOptions
{
}

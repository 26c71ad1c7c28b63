namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.DeleteAsync"/>.</summary>
public sealed class ThreadDeleteOptions : LangGraphRequestOptions
{
}

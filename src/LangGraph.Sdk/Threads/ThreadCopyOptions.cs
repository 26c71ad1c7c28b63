namespace LangGraph.Sdk;

/// <summary>Options of <see cref="ThreadsClient.CopyAsync"/>.</summary>
public sealed class ThreadCopyOptions : LangGraphRequestOptions
{
}

namespace LangGraph.Sdk;

/// <summary>
/// Options of the <see cref="LangGraphRawClient"/> methods: per-call <see cref="LangGraphRequestOptions.Headers"/> and
/// <see cref="LangGraphRequestOptions.QueryParams"/> (Python's <c>headers=</c> and <c>params=</c>).
/// </summary>
public sealed class RawRequestOptions : LangGraphRequestOptions
{
}

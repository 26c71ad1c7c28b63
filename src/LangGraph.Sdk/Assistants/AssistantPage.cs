using System.Collections.Generic;

namespace LangGraph.Sdk;

/// <summary>
/// One page of an assistant search with the cursor to the next one (Python's <c>search(response_format="object")</c>,
/// <c>{assistants, next}</c>).
/// </summary>
public sealed record AssistantPage
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The assistants of this page.</param>
    /// <param name="next">The cursor of the next page, or null when this is the last one.</param>
    public AssistantPage(IReadOnlyList<Assistant> items, string? next)
    {
        Items = items ?? [];
        Next = next;
    }

    /// <summary>Gets the assistants of this page; never null.</summary>
    public IReadOnlyList<Assistant> Items { get; }

    /// <summary>
    /// Gets the cursor of the next page, from the <c>X-Pagination-Next</c> response header: the offset to pass as
    /// <see cref="AssistantSearchOptions.Offset"/> for the next page. Null when the server sent none (no more pages).
    /// </summary>
    public string? Next { get; }
}

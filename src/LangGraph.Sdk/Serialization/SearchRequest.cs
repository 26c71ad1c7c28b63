using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// The paging, sorting and selection block of the search routes (threads, assistants, crons), written once; each route's
/// record adds its filters.
/// </summary>
internal abstract record SearchRequest
{
    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    [JsonPropertyName("limit")]
    public int? Limit { get; init; }

    [JsonPropertyName("offset")]
    public int? Offset { get; init; }

    [JsonPropertyName("sort_by")]
    public string? SortBy { get; init; }

    [JsonPropertyName("sort_order")]
    public string? SortOrder { get; init; }

    [JsonPropertyName("select")]
    public IList<string>? Select { get; init; }

    /// <summary>Returns <paramref name="filters"/> with the paging block set; empty sort values and an empty selection are not sent.</summary>
    public static T Paged<T>(T filters, int limit, int offset, string? sortBy, SortOrder? sortOrder, IList<string> select)
        where T : SearchRequest => filters with
        {
            Limit = limit,
            Offset = offset,
            SortBy = string.IsNullOrEmpty(sortBy) ? null : sortBy,
            SortOrder = string.IsNullOrEmpty(sortOrder?.Value) ? null : sortOrder.Value.Value,
            Select = select.Count > 0 ? select : null,
        };
}

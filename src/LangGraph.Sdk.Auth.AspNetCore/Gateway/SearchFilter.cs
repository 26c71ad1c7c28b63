using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// Pushes a filter into a search's <c>metadata</c>, ANDed with the caller's, so that the upstream pages and counts only
/// what the caller may see: a value (or <c>$eq</c>) becomes that value, <c>$contains</c> an array the stored one must contain.
/// </summary>
internal static class SearchFilter
{
    /// <summary>Adds the filter's conditions to <paramref name="body"/>'s <c>metadata</c>.</summary>
    /// <returns>False when a condition contradicts the caller's own (the answer is then an empty page, or 0).</returns>
    public static bool TryPush(JsonObject body, AuthFilter filter)
    {
        if (body["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            body["metadata"] = metadata;
        }

        foreach (var (key, condition) in filter)
        {
            var equal = condition.IsOperator ? condition.EqOperand : condition.PlainValue;
            if (condition.IsOperator && string.IsNullOrEmpty(equal))
            {
                equal = null;
            }

            if (equal is not null)
            {
                if (metadata.TryGetPropertyValue(key, out var existing))
                {
                    if (existing is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() != equal)
                    {
                        return false;
                    }
                }
                else
                {
                    metadata[key] = equal;
                }

                continue;
            }

            var items = condition.ContainsAllOperands?.ToArray() ?? (string.IsNullOrEmpty(condition.ContainsOperand) ? null : [condition.ContainsOperand]);
            if (items is null)
            {
                continue; // An empty operand matches anything, as on the server.
            }

            if (!metadata.TryGetPropertyValue(key, out var current))
            {
                metadata[key] = new JsonArray(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
            }
            else if (current is JsonArray array)
            {
                foreach (var item in items)
                {
                    if (!array.Any(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == item))
                    {
                        array.Add((JsonNode?)JsonValue.Create(item));
                    }
                }
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Makes sure a thread search's <c>select</c> returns <c>metadata</c>, so the results can be checked.</summary>
    /// <returns>True when the gateway added it (and must leave it out of the answer).</returns>
    public static bool EnsureMetadataSelected(JsonObject body)
    {
        if (body["select"] is not JsonArray select)
        {
            return false;
        }

        if (select.Any(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "metadata"))
        {
            return false;
        }

        select.Add((JsonNode?)JsonValue.Create("metadata"));
        return true;
    }

    /// <summary>The answer to a search whose filter contradicts the caller's: an empty page, or 0.</summary>
    public static ReadOnlyMemory<byte> EmptyAnswer(FilterStep step) => step == FilterStep.PushCount ? "0"u8.ToArray() : "[]"u8.ToArray();
}

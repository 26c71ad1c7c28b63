using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>Checks upstream answers against a filter: one resource, or a list whose non-matching entries are dropped.</summary>
internal static class FilterMatching
{
    /// <summary>Whether one returned resource matches.</summary>
    public static bool Matches(AuthFilter filter, MetadataShape shape, JsonElement resource) => shape switch
    {
        MetadataShape.Resource => resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("metadata", out var metadata)
            ? filter.Matches(metadata)
            : filter.Matches((JsonObject?)null),
        MetadataShape.StoreItem => filter.Matches(StoreItemMetadata(resource)),
        _ => filter.Matches(new JsonObject { ["namespace"] = JsonNode.Parse(resource.GetRawText()) }),
    };

    /// <summary>
    /// Re-writes a list answer with only the matching entries: a top-level array, or the array under
    /// the plan's list property. Entries are written as received, except <c>metadata</c>, which is left out when
    /// <paramref name="stripMetadata"/> (the gateway asked for it only to check it).
    /// </summary>
    /// <returns>The new answer, or null when it is not JSON of the expected shape.</returns>
    public static byte[]? FilterList(byte[] json, FilterPlan plan, bool stripMetadata)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            var listProperty = plan.ListProperty;
            var buffer = new ArrayBufferWriter<byte>(json.Length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                if (listProperty is null)
                {
                    if (root.ValueKind != JsonValueKind.Array)
                    {
                        return null;
                    }

                    WriteMatching(writer, root, plan, stripMetadata);
                }
                else
                {
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(listProperty, out var list) || list.ValueKind != JsonValueKind.Array)
                    {
                        return null;
                    }

                    writer.WriteStartObject();
                    foreach (var property in root.EnumerateObject())
                    {
                        if (property.NameEquals(listProperty))
                        {
                            writer.WritePropertyName(property.Name);
                            WriteMatching(writer, property.Value, plan, stripMetadata);
                        }
                        else
                        {
                            property.WriteTo(writer);
                        }
                    }

                    writer.WriteEndObject();
                }
            }

            return buffer.WrittenSpan.ToArray();
        }
    }

    private static void WriteMatching(Utf8JsonWriter writer, JsonElement array, FilterPlan plan, bool stripMetadata)
    {
        writer.WriteStartArray();
        foreach (var item in array.EnumerateArray())
        {
            if (!plan.Matches(item))
            {
                continue;
            }

            if (stripMetadata && item.ValueKind == JsonValueKind.Object)
            {
                writer.WriteStartObject();
                foreach (var property in item.EnumerateObject())
                {
                    if (!property.NameEquals("metadata"))
                    {
                        property.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
            }
            else
            {
                item.WriteTo(writer);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>A store item's "metadata" for a filter, as the server builds it: the value's fields, then namespace and key.</summary>
    private static JsonObject StoreItemMetadata(JsonElement item)
    {
        var result = new JsonObject();
        if (item.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        if (item.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                result[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        if (item.TryGetProperty("namespace", out var ns))
        {
            result["namespace"] = JsonNode.Parse(ns.GetRawText());
        }

        if (item.TryGetProperty("key", out var key))
        {
            result["key"] = JsonNode.Parse(key.GetRawText());
        }

        return result;
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Serialization;

/// <summary>Writes a node list, or <c>"*"</c> (every node) for the list <c>["*"]</c>, as Python's <c>All | list[str]</c>.</summary>
internal sealed class NodeListConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Node lists are only written.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        if (value is ["*"])
        {
            writer.WriteStringValue("*");
            return;
        }

        writer.WriteStartArray();
        foreach (var node in value)
        {
            writer.WriteStringValue(node);
        }

        writer.WriteEndArray();
    }
}

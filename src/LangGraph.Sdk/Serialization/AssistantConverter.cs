using System;
using System.Collections.Generic;
using System.Text.Json;
using static LangGraph.Sdk.Serialization.ElementModels;

namespace LangGraph.Sdk.Serialization;

/// <summary>Reads an <see cref="Assistant"/> from one document (<see cref="ElementModels"/>) and writes it as the server sends it.</summary>
internal sealed class AssistantConverter : ElementModelConverter<Assistant>
{
    private const string Model = nameof(Assistant);

    public AssistantConverter()
        : base(FromElement)
    {
    }

    /// <summary>An assistant from its JSON object, which its free-form members (<c>config</c>, <c>context</c>, <c>metadata</c>) keep.</summary>
    internal static Assistant FromElement(JsonElement element)
    {
        EnsureObject(element, Model);
        string? assistantId = null, graphId = null, name = null, description = null;
        JsonElement? config = null, context = null;
        DateTimeOffset createdAt = default, updatedAt = default;
        IReadOnlyDictionary<string, JsonElement>? metadata = null;
        var version = 0;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var member = Utf8Name(property);
            switch (member.Length)
            {
                case 4 when member.SequenceEqual("name"u8):
                    name = String(value, Model, "name");
                    break;
                case 6 when member.SequenceEqual("config"u8):
                    config = Element(value);
                    break;
                case 7 when member.SequenceEqual("context"u8):
                    context = Element(value);
                    break;
                case 7 when member.SequenceEqual("version"u8):
                    version = Int32(value, Model, "version");
                    break;
                case 8 when member.SequenceEqual("graph_id"u8):
                    graphId = String(value, Model, "graph_id");
                    break;
                case 8 when member.SequenceEqual("metadata"u8):
                    metadata = Map(value, Model, "metadata");
                    break;
                case 10 when member.SequenceEqual("created_at"u8):
                    createdAt = Date(value, Model, "created_at");
                    break;
                case 10 when member.SequenceEqual("updated_at"u8):
                    updatedAt = Date(value, Model, "updated_at");
                    break;
                case 11 when member.SequenceEqual("description"u8):
                    description = String(value, Model, "description");
                    break;
                case 12 when member.SequenceEqual("assistant_id"u8):
                    assistantId = String(value, Model, "assistant_id");
                    break;
                default:
                    break;
            }
        }

        return new Assistant
        {
            AssistantId = assistantId!,
            GraphId = graphId!,
            Config = config,
            Context = context,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Metadata = metadata!,
            Version = version,
            Name = name,
            Description = description,
        };
    }

    public override void Write(Utf8JsonWriter writer, Assistant value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("assistant_id"u8, value.AssistantId);
        writer.WriteString("graph_id"u8, value.GraphId);
        WriteElement(writer, "config"u8, value.Config);
        WriteElement(writer, "context"u8, value.Context);
        writer.WriteString("created_at"u8, value.CreatedAt);
        writer.WriteString("updated_at"u8, value.UpdatedAt);
        WriteMap(writer, "metadata"u8, value.Metadata);
        writer.WriteNumber("version"u8, value.Version);
        WriteString(writer, "name"u8, value.Name);
        WriteString(writer, "description"u8, value.Description);
        writer.WriteEndObject();
    }
}

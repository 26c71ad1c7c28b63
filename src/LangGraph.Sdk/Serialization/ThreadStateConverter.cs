using System;
using System.Collections.Generic;
using System.Text.Json;
using static LangGraph.Sdk.Serialization.ElementModels;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// Reads a <see cref="ThreadState"/> from one document (<see cref="ElementModels"/>): <c>values</c> and <c>metadata</c>
/// are elements of it, the checkpoints read from it; tasks and interrupts, when there are any, through the serializer
/// from their elements. Writes it as the server sends it.
/// </summary>
internal sealed class ThreadStateConverter : ElementModelConverter<ThreadState>
{
    private const string Model = nameof(ThreadState);

    public ThreadStateConverter()
        : base(FromElement)
    {
    }

    /// <summary>A thread state from its JSON object, which its free-form members keep.</summary>
    internal static ThreadState FromElement(JsonElement element)
    {
        EnsureObject(element, Model);
        JsonElement values = default;
        IReadOnlyList<string>? next = null;
        Checkpoint? checkpoint = null, parentCheckpoint = null;
        IReadOnlyDictionary<string, JsonElement>? metadata = null;
        DateTimeOffset? createdAt = null;
        IReadOnlyList<ThreadTask>? tasks = null;
        IReadOnlyList<Interrupt>? interrupts = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var name = Utf8Name(property);
            switch (name.Length)
            {
                case 4 when name.SequenceEqual("next"u8):
                    next = Strings(value, "next");
                    break;
                case 5 when name.SequenceEqual("tasks"u8):
                    tasks = IsEmpty(value) ? [] : value.Deserialize(LangGraphJsonContext.Default.IReadOnlyListThreadTask);
                    break;
                case 6 when name.SequenceEqual("values"u8):
                    values = value;
                    break;
                case 8 when name.SequenceEqual("metadata"u8):
                    metadata = Map(value, Model, "metadata");
                    break;
                case 10 when name.SequenceEqual("checkpoint"u8):
                    checkpoint = CheckpointFrom(value, "checkpoint");
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    createdAt = NullableDate(value, Model, "created_at");
                    break;
                case 10 when name.SequenceEqual("interrupts"u8):
                    interrupts = IsEmpty(value) ? [] : value.Deserialize(LangGraphJsonContext.Default.IReadOnlyListInterrupt);
                    break;
                case 17 when name.SequenceEqual("parent_checkpoint"u8):
                    parentCheckpoint = CheckpointFrom(value, "parent_checkpoint");
                    break;
                default:
                    break;
            }
        }

        return new ThreadState
        {
            Values = values,
            Next = next!,
            Checkpoint = checkpoint,
            Metadata = metadata!,
            CreatedAt = createdAt,
            ParentCheckpoint = parentCheckpoint,
            Tasks = tasks!,
            Interrupts = interrupts!,
        };
    }

    public override void Write(Utf8JsonWriter writer, ThreadState value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Values.ValueKind != JsonValueKind.Undefined)
        {
            writer.WritePropertyName("values"u8);
            value.Values.WriteTo(writer);
        }

        writer.WriteStartArray("next"u8);
        foreach (var node in value.Next)
        {
            writer.WriteStringValue(node);
        }

        writer.WriteEndArray();
        WriteCheckpoint(writer, "checkpoint"u8, value.Checkpoint);
        WriteMap(writer, "metadata"u8, value.Metadata);
        if (value.CreatedAt is { } createdAt)
        {
            writer.WriteString("created_at"u8, createdAt);
        }

        WriteCheckpoint(writer, "parent_checkpoint"u8, value.ParentCheckpoint);
        writer.WritePropertyName("tasks"u8);
        JsonSerializer.Serialize(writer, value.Tasks, LangGraphJsonContext.Default.IReadOnlyListThreadTask);
        writer.WritePropertyName("interrupts"u8);
        JsonSerializer.Serialize(writer, value.Interrupts, LangGraphJsonContext.Default.IReadOnlyListInterrupt);
        writer.WriteEndObject();
    }

    private static bool IsEmpty(JsonElement value) => value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0;

    private static List<string>? Strings(JsonElement value, string member)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"Expected a JSON array of strings for '{member}' of {Model}, got {value.ValueKind}.");
        }

        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(String(item, Model, member)!);
        }

        return list;
    }

    private static Checkpoint? CheckpointFrom(JsonElement value, string member)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object for '{member}' of {Model}, got {value.ValueKind}.");
        }

        string? threadId = null, checkpointNs = null, checkpointId = null;
        JsonElement? checkpointMap = null;
        foreach (var property in value.EnumerateObject())
        {
            var name = Utf8Name(property);
            if (name.SequenceEqual("thread_id"u8))
            {
                threadId = String(property.Value, nameof(Checkpoint), "thread_id");
            }
            else if (name.SequenceEqual("checkpoint_ns"u8))
            {
                checkpointNs = String(property.Value, nameof(Checkpoint), "checkpoint_ns");
            }
            else if (name.SequenceEqual("checkpoint_id"u8))
            {
                checkpointId = String(property.Value, nameof(Checkpoint), "checkpoint_id");
            }
            else if (name.SequenceEqual("checkpoint_map"u8))
            {
                checkpointMap = Element(property.Value);
            }
        }

        return new Checkpoint { ThreadId = threadId, CheckpointNs = checkpointNs, CheckpointId = checkpointId, CheckpointMap = checkpointMap };
    }

    private static void WriteCheckpoint(Utf8JsonWriter writer, ReadOnlySpan<byte> name, Checkpoint? checkpoint)
    {
        if (checkpoint is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteStartObject();
        WriteString(writer, "thread_id"u8, checkpoint.ThreadId);
        WriteString(writer, "checkpoint_ns"u8, checkpoint.CheckpointNs);
        WriteString(writer, "checkpoint_id"u8, checkpoint.CheckpointId);
        WriteElement(writer, "checkpoint_map"u8, checkpoint.CheckpointMap);
        writer.WriteEndObject();
    }
}

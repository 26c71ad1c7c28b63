using System;
using System.Text.Json;
using static LangGraph.Sdk.Serialization.ElementModels;

namespace LangGraph.Sdk.Serialization;

/// <summary>Reads a <see cref="Run"/> from one document (<see cref="ElementModels"/>) and writes it as the server sends it.</summary>
internal sealed class RunConverter : ElementModelConverter<Run>
{
    private const string Model = nameof(Run);

    public RunConverter()
        : base(FromElement)
    {
    }

    /// <summary>A run from its JSON object, which its free-form members (<c>metadata</c>, <c>kwargs</c>) keep.</summary>
    internal static Run FromElement(JsonElement element)
    {
        EnsureObject(element, Model);
        string? runId = null, threadId = null, assistantId = null, cancelReason = null;
        DateTimeOffset createdAt = default, updatedAt = default;
        RunStatus status = default;
        System.Collections.Generic.IReadOnlyDictionary<string, JsonElement>? metadata = null;
        MultitaskStrategy? multitaskStrategy = null;
        JsonElement? kwargs = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var name = Utf8Name(property);
            switch (name.Length)
            {
                case 6 when name.SequenceEqual("run_id"u8):
                    runId = String(value, Model, "run_id");
                    break;
                case 6 when name.SequenceEqual("status"u8):
                    status = Enum<RunStatus>(value, Model, "status");
                    break;
                case 6 when name.SequenceEqual("kwargs"u8):
                    kwargs = Element(value);
                    break;
                case 8 when name.SequenceEqual("metadata"u8):
                    metadata = Map(value, Model, "metadata");
                    break;
                case 9 when name.SequenceEqual("thread_id"u8):
                    threadId = String(value, Model, "thread_id");
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    createdAt = Date(value, Model, "created_at");
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    updatedAt = Date(value, Model, "updated_at");
                    break;
                case 12 when name.SequenceEqual("assistant_id"u8):
                    assistantId = String(value, Model, "assistant_id");
                    break;
                case 13 when name.SequenceEqual("cancel_reason"u8):
                    cancelReason = String(value, Model, "cancel_reason");
                    break;
                case 18 when name.SequenceEqual("multitask_strategy"u8):
                    multitaskStrategy = NullableEnum<MultitaskStrategy>(value, Model, "multitask_strategy");
                    break;
                default:
                    break;
            }
        }

        return new Run
        {
            RunId = runId!,
            ThreadId = threadId!,
            AssistantId = assistantId!,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Status = status,
            Metadata = metadata!,
            MultitaskStrategy = multitaskStrategy,
            CancelReason = cancelReason,
            Kwargs = kwargs,
        };
    }

    public override void Write(Utf8JsonWriter writer, Run value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("run_id"u8, value.RunId);
        writer.WriteString("thread_id"u8, value.ThreadId);
        writer.WriteString("assistant_id"u8, value.AssistantId);
        writer.WriteString("created_at"u8, value.CreatedAt);
        writer.WriteString("updated_at"u8, value.UpdatedAt);
        WriteString(writer, "status"u8, value.Status.Value);
        WriteMap(writer, "metadata"u8, value.Metadata);
        WriteString(writer, "multitask_strategy"u8, value.MultitaskStrategy?.Value);
        WriteString(writer, "cancel_reason"u8, value.CancelReason);
        WriteElement(writer, "kwargs"u8, value.Kwargs);
        writer.WriteEndObject();
    }
}

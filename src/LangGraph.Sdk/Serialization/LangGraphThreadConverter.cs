using System;
using System.Collections.Generic;
using System.Text.Json;
using static LangGraph.Sdk.Serialization.ElementModels;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// Reads a <see cref="LangGraphThread"/> from one document (<see cref="ElementModels"/>): typed members read from it,
/// each free-form member (<c>metadata</c>, <c>values</c>, <c>interrupts</c>, <c>config</c>, <c>extracted</c>) an
/// element of it (metadata read through a <see cref="JsonObjectDictionary"/> view), what a hand-written client keeping
/// that JSON would hold; and writes it as the server sends it.
/// </summary>
internal sealed class LangGraphThreadConverter : ElementModelConverter<LangGraphThread>
{
    private const string Model = nameof(LangGraphThread);

    public LangGraphThreadConverter()
        : base(FromElement)
    {
    }

    /// <summary>
    /// A thread from its JSON object, which it keeps: its free-form members are elements of the same document, so that a
    /// response parsed once (<see cref="JsonElement"/>, one pass) is read with no second parse and no copy.
    /// </summary>
    internal static LangGraphThread FromElement(JsonElement element)
    {
        EnsureObject(element, Model);
        string? threadId = null;
        DateTimeOffset createdAt = default, updatedAt = default;
        DateTimeOffset? stateUpdatedAt = null;
        IReadOnlyDictionary<string, JsonElement>? metadata = null, extracted = null;
        ThreadStatus status = default;
        JsonElement? values = null, interrupts = null, config = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var name = Utf8Name(property);
            switch (name.Length)
            {
                case 6 when name.SequenceEqual("config"u8):
                    config = Element(value);
                    break;
                case 6 when name.SequenceEqual("status"u8):
                    status = Status(value);
                    break;
                case 6 when name.SequenceEqual("values"u8):
                    values = Element(value);
                    break;
                case 8 when name.SequenceEqual("metadata"u8):
                    metadata = Map(value, Model, "metadata");
                    break;
                case 9 when name.SequenceEqual("thread_id"u8):
                    threadId = String(value, Model, "thread_id");
                    break;
                case 9 when name.SequenceEqual("extracted"u8):
                    extracted = Map(value, Model, "extracted");
                    break;
                case 10 when name.SequenceEqual("created_at"u8):
                    createdAt = Date(value, Model, "created_at");
                    break;
                case 10 when name.SequenceEqual("updated_at"u8):
                    updatedAt = Date(value, Model, "updated_at");
                    break;
                case 10 when name.SequenceEqual("interrupts"u8):
                    interrupts = Element(value);
                    break;
                case 16 when name.SequenceEqual("state_updated_at"u8):
                    stateUpdatedAt = NullableDate(value, Model, "state_updated_at");
                    break;
                default:
                    break;
            }
        }

        return new LangGraphThread
        {
            ThreadId = threadId!,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            StateUpdatedAt = stateUpdatedAt,
            Metadata = metadata!,
            Status = status,
            Values = values,
            Interrupts = interrupts,
            Config = config,
            Extracted = extracted,
        };
    }

    public override void Write(Utf8JsonWriter writer, LangGraphThread value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("thread_id"u8, value.ThreadId);
        writer.WriteString("created_at"u8, value.CreatedAt);
        writer.WriteString("updated_at"u8, value.UpdatedAt);
        if (value.StateUpdatedAt is { } stateUpdatedAt)
        {
            writer.WriteString("state_updated_at"u8, stateUpdatedAt);
        }

        WriteMap(writer, "metadata"u8, value.Metadata);
        WriteString(writer, "status"u8, value.Status.Value);
        WriteElement(writer, "values"u8, value.Values);
        WriteElement(writer, "interrupts"u8, value.Interrupts);
        WriteElement(writer, "config"u8, value.Config);
        WriteMap(writer, "extracted"u8, value.Extracted);
        writer.WriteEndObject();
    }

    // The known statuses without a new string each.
    private static ThreadStatus Status(JsonElement value) =>
        value.ValueKind != JsonValueKind.String ? Enum<ThreadStatus>(value, Model, "status")
        : value.ValueEquals("idle"u8) ? ThreadStatus.Idle
        : value.ValueEquals("busy"u8) ? ThreadStatus.Busy
        : value.ValueEquals("interrupted"u8) ? ThreadStatus.Interrupted
        : value.ValueEquals("error"u8) ? ThreadStatus.Error
        : new ThreadStatus(value.GetString()!);
}

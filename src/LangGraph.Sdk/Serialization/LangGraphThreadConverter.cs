using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// Reads a <see cref="LangGraphThread"/> from one <see cref="JsonDocument"/> of the thread: typed members read from it,
/// each free-form member (<c>metadata</c>, <c>values</c>, <c>interrupts</c>, <c>config</c>, <c>extracted</c>) an
/// element of it (metadata read through a <see cref="JsonObjectDictionary"/> view), what a hand-written client keeping
/// that JSON would hold. The source generator, for a record of init-only properties,
/// collects every member into an array of boxed arguments instead, and parses each metadata value into a document of
/// its own.
/// </summary>
internal sealed class LangGraphThreadConverter : JsonConverter<LangGraphThread>
{
    public override LangGraphThread? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {nameof(LangGraphThread)}, got {reader.TokenType}.");
        }

        // One document for the whole thread: its free-form members are elements of it, read by the same path as a
        // whole response body parsed once.
        return FromElement(JsonElement.ParseValue(ref reader));
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

        writer.WritePropertyName("metadata"u8);
        WriteObject(writer, value.Metadata);
        if (value.Status.Value is { } status)
        {
            writer.WriteString("status"u8, status);
        }

        WriteElement(writer, "values"u8, value.Values);
        WriteElement(writer, "interrupts"u8, value.Interrupts);
        WriteElement(writer, "config"u8, value.Config);
        if (value.Extracted is { } extracted)
        {
            writer.WritePropertyName("extracted"u8);
            WriteObject(writer, extracted);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// A thread from its JSON object, which it keeps: its free-form members are elements of the same document, so that a
    /// response parsed once (<see cref="JsonElement"/>, one pass) is read with no second parse and no copy.
    /// </summary>
    internal static LangGraphThread FromElement(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object for {nameof(LangGraphThread)}, got {element.ValueKind}.");
        }

        var thread = new Members();
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            switch (Name(property))
            {
                case Member.ThreadId:
                    thread.ThreadId = value.GetString();
                    break;
                case Member.CreatedAt:
                    thread.CreatedAt = value.GetDateTimeOffset();
                    break;
                case Member.UpdatedAt:
                    thread.UpdatedAt = value.GetDateTimeOffset();
                    break;
                case Member.StateUpdatedAt:
                    thread.StateUpdatedAt = isNull ? null : value.GetDateTimeOffset();
                    break;
                case Member.Metadata:
                    thread.Metadata = isNull ? null : new JsonObjectDictionary(value);
                    break;
                case Member.Status:
                    thread.Status = Status(value);
                    break;
                case Member.Values:
                    thread.Values = isNull ? null : value;
                    break;
                case Member.Interrupts:
                    thread.Interrupts = isNull ? null : value;
                    break;
                case Member.Config:
                    thread.Config = isNull ? null : value;
                    break;
                case Member.Extracted:
                    thread.Extracted = isNull ? null : new JsonObjectDictionary(value);
                    break;
                default:
                    break;
            }
        }

        return thread.ToThread();
    }

    /// <summary>
    /// Reads a whole response body of type <typeparamref name="T"/> as one document when it is a thread or a list of
    /// threads (on net10, where <see cref="JsonElement"/> parses a span in one pass; a list read through the serializer
    /// makes one document per thread): false for any other type, which the serializer reads.
    /// </summary>
    internal static bool TryReadBody<T>(ReadOnlySpan<byte> body, out T? value)
    {
#if NET10_0_OR_GREATER
        if (typeof(T) == typeof(LangGraphThread) || typeof(T) == typeof(List<LangGraphThread>))
        {
            var element = JsonElement.Parse(body);
            value = element.ValueKind == JsonValueKind.Null ? default
                : typeof(T) == typeof(LangGraphThread) ? (T)(object)FromElement(element)
                : (T)(object)ListFromElement(element);
            return true;
        }
#endif
        value = default;
        return false;
    }

    /// <summary>A list of threads from its JSON array, which they keep.</summary>
    internal static List<LangGraphThread> ListFromElement(JsonElement threads)
    {
        if (threads.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"Expected a JSON array of {nameof(LangGraphThread)}, got {threads.ValueKind}.");
        }

        var list = new List<LangGraphThread>(threads.GetArrayLength());
        foreach (var thread in threads.EnumerateArray())
        {
            list.Add(FromElement(thread));
        }

        return list;
    }

    private static Member Name(JsonProperty property)
    {
#if NET9_0_OR_GREATER
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf((byte)'\\') < 0 ? Name(raw) : Name(property.Name);
#else
        return Name(property.Name);
#endif
    }

    private static Member Name(ReadOnlySpan<byte> name) =>
        name.Length switch
        {
            6 when name.SequenceEqual("config"u8) => Member.Config,
            6 when name.SequenceEqual("status"u8) => Member.Status,
            6 when name.SequenceEqual("values"u8) => Member.Values,
            8 when name.SequenceEqual("metadata"u8) => Member.Metadata,
            9 when name.SequenceEqual("thread_id"u8) => Member.ThreadId,
            9 when name.SequenceEqual("extracted"u8) => Member.Extracted,
            10 when name.SequenceEqual("created_at"u8) => Member.CreatedAt,
            10 when name.SequenceEqual("updated_at"u8) => Member.UpdatedAt,
            10 when name.SequenceEqual("interrupts"u8) => Member.Interrupts,
            16 when name.SequenceEqual("state_updated_at"u8) => Member.StateUpdatedAt,
            _ => Member.Other,
        };

    private static Member Name(string name) => name switch
    {
        "config" => Member.Config,
        "status" => Member.Status,
        "values" => Member.Values,
        "metadata" => Member.Metadata,
        "thread_id" => Member.ThreadId,
        "extracted" => Member.Extracted,
        "created_at" => Member.CreatedAt,
        "updated_at" => Member.UpdatedAt,
        "interrupts" => Member.Interrupts,
        "state_updated_at" => Member.StateUpdatedAt,
        _ => Member.Other,
    };

    private static ThreadStatus Status(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new JsonException($"Expected a string for {nameof(ThreadStatus)}, got {value.ValueKind}.");
        }

        return value.ValueEquals("idle"u8) ? ThreadStatus.Idle
            : value.ValueEquals("busy"u8) ? ThreadStatus.Busy
            : value.ValueEquals("interrupted"u8) ? ThreadStatus.Interrupted
            : value.ValueEquals("error"u8) ? ThreadStatus.Error
            : new ThreadStatus(value.GetString()!);
    }

    private static void WriteElement(Utf8JsonWriter writer, ReadOnlySpan<byte> name, JsonElement? value)
    {
        if (value is { } element)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> values)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in values)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>The members of a thread as they are read.</summary>
    private struct Members
    {
        public string? ThreadId;
        public DateTimeOffset CreatedAt;
        public DateTimeOffset UpdatedAt;
        public DateTimeOffset? StateUpdatedAt;
        public IReadOnlyDictionary<string, JsonElement>? Metadata;
        public ThreadStatus Status;
        public JsonElement? Values;
        public JsonElement? Interrupts;
        public JsonElement? Config;
        public IReadOnlyDictionary<string, JsonElement>? Extracted;

        public readonly LangGraphThread ToThread() => new()
        {
            ThreadId = ThreadId!,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            StateUpdatedAt = StateUpdatedAt,
            Metadata = Metadata!,
            Status = Status,
            Values = Values,
            Interrupts = Interrupts,
            Config = Config,
            Extracted = Extracted,
        };
    }

    private enum Member
    {
        Other,
        ThreadId,
        CreatedAt,
        UpdatedAt,
        StateUpdatedAt,
        Metadata,
        Status,
        Values,
        Interrupts,
        Config,
        Extracted,
    }
}

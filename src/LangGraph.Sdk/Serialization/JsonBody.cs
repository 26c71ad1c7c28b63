using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// Writes one JSON request body field by field, so that each method controls exactly which fields are sent
/// (the Python SDK's None-stripping differs by method). User values go through the user's serializer options.
/// </summary>
internal sealed class JsonBody : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly JsonSerializerOptions _userOptions;

    public JsonBody(JsonSerializerOptions userOptions)
    {
        _userOptions = userOptions;
        Writer = new Utf8JsonWriter(_buffer);
        Writer.WriteStartObject();
    }

    public Utf8JsonWriter Writer { get; }

    public JsonBody String(string name, string? value)
    {
        if (value is not null)
        {
            Writer.WriteString(name, value);
        }

        return this;
    }

    public JsonBody Number(string name, long value)
    {
        Writer.WriteNumber(name, value);
        return this;
    }

    public JsonBody Boolean(string name, bool value)
    {
        Writer.WriteBoolean(name, value);
        return this;
    }

    /// <summary>Writes a user value (null as JSON null) through the user's serializer options.</summary>
    public JsonBody Value(string name, object? value)
    {
        Writer.WritePropertyName(name);
        WriteValue(value, name);
        return this;
    }

    public JsonBody Strings(string name, IEnumerable<string> values)
    {
        Writer.WriteStartArray(name);
        foreach (var value in values)
        {
            Writer.WriteStringValue(value);
        }

        Writer.WriteEndArray();
        return this;
    }

    /// <summary>Writes a dictionary of user values as an object, with optional extra entries written after it.</summary>
    public JsonBody Dictionary(string name, IEnumerable<KeyValuePair<string, object?>> values, string? extraKey = null, object? extraValue = null)
    {
        Writer.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            if (extraKey is not null && string.Equals(key, extraKey, StringComparison.Ordinal))
            {
                continue;
            }

            Writer.WritePropertyName(key);
            WriteValue(value, $"{name}.{key}");
        }

        if (extraKey is not null)
        {
            Writer.WritePropertyName(extraKey);
            WriteValue(extraValue, $"{name}.{extraKey}");
        }

        Writer.WriteEndObject();
        return this;
    }

    /// <summary>Writes a checkpoint object (null members left out).</summary>
    public JsonBody Checkpoint(string name, Checkpoint checkpoint)
    {
        Writer.WritePropertyName(name);
        JsonSerializer.Serialize(Writer, checkpoint, LangGraphJsonContext.Default.Checkpoint);
        return this;
    }

    /// <summary>Writes a command object; null members are not sent.</summary>
    public JsonBody Command(string name, RunCommand command)
    {
        Writer.WriteStartObject(name);
        if (command.Goto is not null)
        {
            Value("goto", command.Goto);
        }

        if (command.Update is not null)
        {
            Value("update", command.Update);
        }

        if (command.Resume is not null)
        {
            Value("resume", command.Resume);
        }

        Writer.WriteEndObject();
        return this;
    }

    /// <summary>Writes a run config object: tags, recursion_limit, configurable and metadata, each only when set.</summary>
    public JsonBody Config(string name, RunConfig config)
    {
        Writer.WriteStartObject(name);
        if (config.Tags is { } tags)
        {
            Strings("tags", tags);
        }

        if (config.RecursionLimit is { } limit)
        {
            Number("recursion_limit", limit);
        }

        if (config.Configurable.Count > 0)
        {
            Dictionary("configurable", config.Configurable);
        }

        if (config.Metadata.Count > 0)
        {
            Dictionary("metadata", config.Metadata);
        }

        Writer.WriteEndObject();
        return this;
    }

    public byte[] ToArray()
    {
        Writer.WriteEndObject();

        Writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => Writer.Dispose();

    private void WriteValue(object? value, string path)
    {
        if (value is null)
        {
            Writer.WriteNullValue();
            return;
        }

        if (value is JsonElement element)
        {
            element.WriteTo(Writer);
            return;
        }

        System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo;
        try
        {
            typeInfo = _userOptions.GetTypeInfo(value.GetType());
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException(
                $"Cannot serialize the value of '{path}' (type {value.GetType().FullName}): its type is unknown to LangGraphClientOptions.JsonSerializerOptions. " +
                "Add it to a JsonSerializerContext and set that context as the options' TypeInfoResolver.", ex);
        }

        JsonSerializer.Serialize(Writer, value, typeInfo);
    }
}

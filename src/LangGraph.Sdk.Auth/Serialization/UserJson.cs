using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth.Serialization;

/// <summary>Reads and writes users in the <c>langgraph_auth_user</c> shape, for any <see cref="IAuthUser"/>.</summary>
internal static class UserJson
{
    public const string IdentityKey = "identity";
    public const string DisplayNameKey = "display_name";
    public const string IsAuthenticatedKey = "is_authenticated";
    public const string PermissionsKey = "permissions";

    public static readonly string[] StandardKeys = [IdentityKey, DisplayNameKey, IsAuthenticatedKey, PermissionsKey];

    public static bool IsStandardKey(string key) =>
        key is IdentityKey or DisplayNameKey or IsAuthenticatedKey or PermissionsKey;

    /// <summary>The permissions of a user as the server normalises them: the user's list, or none.</summary>
    public static IReadOnlyList<string> PermissionsOf(IAuthUser user) => user.Permissions ?? [];

    /// <summary>The display name as the server normalises it: the user's, or the identity.</summary>
    public static string DisplayNameOf(IAuthUser user) => user.DisplayName ?? user.Identity;

    public static void Write(Utf8JsonWriter writer, IAuthUser user)
    {
        writer.WriteStartObject();
        writer.WriteString(IdentityKey, user.Identity);
        writer.WriteString(DisplayNameKey, DisplayNameOf(user));
        writer.WriteBoolean(IsAuthenticatedKey, user.IsAuthenticated);
        writer.WriteStartArray(PermissionsKey);
        foreach (var permission in PermissionsOf(user))
        {
            writer.WriteStringValue(permission);
        }

        writer.WriteEndArray();
        foreach (var key in user.Keys)
        {
            if (IsStandardKey(key))
            {
                continue;
            }

            writer.WritePropertyName(key);
            var value = user[key];
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    public static string ToJsonString(IAuthUser user)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, user);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The user as a fresh <see cref="JsonObject"/> (custom values are deep-cloned, so the user can be reused).</summary>
    public static JsonObject ToJsonObject(IAuthUser user)
    {
        var result = new JsonObject
        {
            [IdentityKey] = user.Identity,
            [DisplayNameKey] = DisplayNameOf(user),
            [IsAuthenticatedKey] = user.IsAuthenticated,
            [PermissionsKey] = ToJsonArray(PermissionsOf(user)),
        };
        foreach (var key in user.Keys)
        {
            if (!IsStandardKey(key))
            {
                result[key] = user[key]?.DeepClone();
            }
        }

        return result;
    }

    public static JsonArray ToJsonArray(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode?)JsonValue.Create(value));
        }

        return array;
    }

    public static MinimalUserDict Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A user must be a JSON object with a string \"identity\".");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!root.TryGetProperty(IdentityKey, out var identity) || identity.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("A user must have a string \"identity\".");
        }

        var user = new MinimalUserDict(identity.GetString()!);
        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case IdentityKey:
                    break;
                case DisplayNameKey:
                    user.DisplayName = property.Value.ValueKind == JsonValueKind.Null ? null : ExpectString(property);
                    break;
                case IsAuthenticatedKey:
                    user.IsAuthenticated = property.Value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new JsonException("\"is_authenticated\" must be true or false."),
                    };
                    break;
                case PermissionsKey:
                    var permissions = new List<string>();
                    if (property.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw new JsonException("\"permissions\" must be an array of strings.");
                    }

                    foreach (var item in property.Value.EnumerateArray())
                    {
                        permissions.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new JsonException("\"permissions\" must be an array of strings."));
                    }

                    user.Permissions = permissions;
                    break;
                default:
                    user[property.Name] = JsonNode.Parse(property.Value.GetRawText());
                    break;
            }
        }

        return user;
    }

    private static string ExpectString(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.String
            ? property.Value.GetString()!
            : throw new JsonException($"\"{property.Name}\" must be a string.");

    public static string? ReadString(JsonNode? value, string key)
    {
        if (value is null)
        {
            return null;
        }

        return value is JsonValue v && v.TryGetValue(out string? text)
            ? text
            : throw new ArgumentException($"The \"{key}\" field must be a JSON string.", nameof(value));
    }

    public static bool ReadBoolean(JsonNode? value, string key) =>
        value is JsonValue v && v.TryGetValue(out bool flag)
            ? flag
            : throw new ArgumentException($"The \"{key}\" field must be a JSON boolean.", nameof(value));

    public static List<string> ReadStringList(JsonNode? value, string key)
    {
        var list = new List<string>();
        if (value is null)
        {
            return list;
        }

        if (value is not JsonArray array)
        {
            throw new ArgumentException($"The \"{key}\" field must be a JSON array of strings.", nameof(value));
        }

        foreach (var item in array)
        {
            list.Add(item is JsonValue v && v.TryGetValue(out string? text)
                ? text
                : throw new ArgumentException($"The \"{key}\" field must be a JSON array of strings.", nameof(value)));
        }

        return list;
    }
}

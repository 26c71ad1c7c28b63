using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Http;

/// <summary>
/// Removes credential values (API key, Authorization, cookies) from text that goes into exception messages,
/// so that a server echoing a request header can never leak a secret into a log. Each secret is also matched in the
/// forms a JSON writer may have escaped it to (<c>\u002B</c> for <c>+</c>, <c>\/</c> for <c>/</c>, upper- or lower-case
/// hex), so that a raw JSON body is masked too; text parsed out of JSON is redacted again after parsing.
/// </summary>
internal sealed class CredentialRedactor
{
    internal const string Mask = "***";
    private const int MinimumSecretLength = 4;

    private static readonly string[] SensitiveHeaders =
        ["authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie", "x-service-key"];

    private readonly List<string> _secrets = [];

    public static bool IsSensitiveHeader(string name) =>
        Array.Exists(SensitiveHeaders, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));

    public CredentialRedactor AddSecret(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }

        AddOne(value.Trim());

        // "Bearer <token>": the token alone is a secret too.
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && space < value.Length - 1)
        {
            AddOne(value[(space + 1)..].Trim());
        }

        return this;
    }

    public CredentialRedactor AddHeaders(IEnumerable<KeyValuePair<string, string>>? headers)
    {
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                if (IsSensitiveHeader(name))
                {
                    AddSecret(value);
                }
            }
        }

        return this;
    }

    public CredentialRedactor With(IEnumerable<KeyValuePair<string, string>>? headers)
    {
        var copy = new CredentialRedactor();
        copy._secrets.AddRange(_secrets);
        return copy.AddHeaders(headers);
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// A JSON value with every credential masked: each string (property names included) is redacted once decoded, so
    /// that escaped forms and JSON wrapped in a string (the JS server's run errors) are caught. The value itself is
    /// returned when nothing had to be masked.
    /// </summary>
    public JsonElement RedactJson(JsonElement payload)
    {
        if (payload.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.String) || _secrets.Count == 0)
        {
            return payload;
        }

        using var buffer = new MemoryStream();
        var changed = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, payload, ref changed);
        }

        return changed ? JsonSerializer.Deserialize(buffer.ToArray(), LangGraphJsonContext.Default.JsonElement) : payload;
    }

    private string Redact(string text, ref bool changed)
    {
        var redacted = Redact(text);
        changed |= !ReferenceEquals(redacted, text);
        return redacted;
    }

    private void Write(Utf8JsonWriter writer, JsonElement element, ref bool changed)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Redact(property.Name, ref changed));
                    Write(writer, property.Value, ref changed);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, ref changed);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Redact(element.GetString()!, ref changed));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private void AddOne(string secret)
    {
        AddForm(secret);
        if (secret.Length < MinimumSecretLength)
        {
            return;
        }

        foreach (var escaped in (ReadOnlySpan<string>)[
            JsonEncodedText.Encode(secret).ToString(),
            JsonEncodedText.Encode(secret, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
            EscapeAll(secret)])
        {
            foreach (var form in (ReadOnlySpan<string>)[escaped, escaped.Replace("/", "\\/", StringComparison.Ordinal)])
            {
                AddForm(form);
                AddForm(LowerHex(form));
            }
        }
    }

    /// <summary>Every character that is not a letter or digit written as <c>\uXXXX</c>.</summary>
    private static string EscapeAll(string secret)
    {
        var builder = new System.Text.StringBuilder(secret.Length * 2);
        foreach (var c in secret)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>The form with the hex digits of its <c>\uXXXX</c> escapes in lower case.</summary>
    private static string LowerHex(string escaped)
    {
        if (!escaped.Contains("\\u", StringComparison.Ordinal))
        {
            return escaped;
        }

        var chars = escaped.ToCharArray();
        for (var i = 0; i + 5 < chars.Length; i++)
        {
            if (chars[i] == '\\' && chars[i + 1] == 'u')
            {
                for (var j = i + 2; j <= i + 5; j++)
                {
                    chars[j] = char.ToLowerInvariant(chars[j]);
                }

                i += 5;
            }
        }

        return new string(chars);
    }

    private void AddForm(string secret)
    {
        if (secret.Length >= MinimumSecretLength && !_secrets.Contains(secret))
        {
            // Longest first, so that "Bearer abc" is masked whole before "abc".
            var index = _secrets.FindIndex(s => s.Length < secret.Length);
            _secrets.Insert(index < 0 ? _secrets.Count : index, secret);
        }
    }
}

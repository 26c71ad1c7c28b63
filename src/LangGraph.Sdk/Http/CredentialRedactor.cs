using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Http;

/// <summary>
/// Removes credential values (API key, Authorization, cookies) from text that goes into exception messages,
/// so that a server echoing a request header can never leak a secret into a log.
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

    private void AddOne(string secret)
    {
        if (secret.Length >= MinimumSecretLength && !_secrets.Contains(secret))
        {
            // Longest first, so that "Bearer abc" is masked whole before "abc".
            var index = _secrets.FindIndex(s => s.Length < secret.Length);
            _secrets.Insert(index < 0 ? _secrets.Count : index, secret);
        }
    }
}

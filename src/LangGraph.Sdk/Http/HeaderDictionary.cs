using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace LangGraph.Sdk.Http;

/// <summary>
/// A case-insensitive header dictionary. In default headers it refuses <c>x-api-key</c>, which belongs in
/// <see cref="LangGraphClientOptions.ApiKey"/> (the Python SDK's reserved header).
/// </summary>
internal sealed class HeaderDictionary : IDictionary<string, string>, IReadOnlyDictionary<string, string>
{
    internal const string ApiKeyHeader = "x-api-key";

    private readonly Dictionary<string, string> _inner = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _allowApiKey;
    private readonly string _apiKeyHome;
    private readonly string _name;

    /// <param name="allowApiKey">Whether <c>x-api-key</c> may be set here.</param>
    /// <param name="apiKeyHome">Where to set the key instead, as the error message says (<c>Type.Property</c>).</param>
    /// <param name="name">The dictionary's name in that message.</param>
    public HeaderDictionary(bool allowApiKey = false, string apiKeyHome = "LangGraphClientOptions.ApiKey", string name = "DefaultHeaders")
    {
        _allowApiKey = allowApiKey;
        _apiKeyHome = apiKeyHome;
        _name = name;
    }

    public string this[string key]
    {
        get => _inner[key];
        set
        {
            Check(key);
            _inner[key] = value;
        }
    }

    public ICollection<string> Keys => _inner.Keys;

    public ICollection<string> Values => _inner.Values;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Keys => _inner.Keys;

    IEnumerable<string> IReadOnlyDictionary<string, string>.Values => _inner.Values;

    public int Count => _inner.Count;

    public bool IsReadOnly => false;

    public void Add(string key, string value)
    {
        Check(key);
        _inner.Add(key, value);
    }

    public void Add(KeyValuePair<string, string> item) => Add(item.Key, item.Value);

    public void Clear() => _inner.Clear();

    public bool Contains(KeyValuePair<string, string> item) =>
        _inner.TryGetValue(item.Key, out var value) && string.Equals(value, item.Value, StringComparison.Ordinal);

    public bool ContainsKey(string key) => _inner.ContainsKey(key);

    public void CopyTo(KeyValuePair<string, string>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, string>>)_inner).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _inner.GetEnumerator();

    public bool Remove(string key) => _inner.Remove(key);

    public bool Remove(KeyValuePair<string, string> item) => Contains(item) && _inner.Remove(item.Key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value) => _inner.TryGetValue(key, out value);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>True for an RFC 9110 token: the characters a header name may contain.</summary>
    internal static bool IsValidName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        foreach (var c in name)
        {
            var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
                || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True for a value that can be sent as one header line: non-null, without CR, LF or NUL (which would send extra
    /// header lines: header injection). The one check of default headers, the API key, the User-Agent and per-call headers.
    /// </summary>
    internal static bool IsValidValue([NotNullWhen(true)] string? value) => value is not null && value.AsSpan().IndexOfAny('\r', '\n', '\0') < 0;

    private void Check(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_allowApiKey && string.Equals(key, ApiKeyHeader, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                $"Cannot set reserved header 'x-api-key' in {_name}: set {_apiKeyHome} instead.", nameof(key));
        }
    }
}

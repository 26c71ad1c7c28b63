using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.Json;

namespace LangGraph.Sdk.Serialization;

/// <summary>
/// A read-only dictionary view of a JSON object (free-form <c>metadata</c>): its values are elements of the document
/// the object belongs to, so that reading a model builds no dictionary and copies no value. A lookup walks the
/// object's members (free-form maps are small); when a name occurs twice, the last one counts, as a dictionary
/// filled in order would have it.
/// </summary>
internal sealed class JsonObjectDictionary : IReadOnlyDictionary<string, JsonElement>
{
    private readonly JsonElement _object;
    private int _count = -1;

    /// <param name="obj">A JSON object.</param>
    public JsonObjectDictionary(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object, got {obj.ValueKind}.");
        }

        _object = obj;
    }

    public int Count => _count >= 0 ? _count : _count = Names().Count;

    public IEnumerable<string> Keys => Names();

    public IEnumerable<JsonElement> Values => Names().Select(name => this[name]);

    public JsonElement this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The key '{key}' is not in the dictionary.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(key);
        var found = false;
        value = default;
        foreach (var property in _object.EnumerateObject())
        {
            if (property.NameEquals(key))
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator()
    {
        foreach (var name in Names())
        {
            yield return new(name, this[name]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The names, each once, in the order of their first occurrence.</summary>
    private List<string> Names()
    {
        var names = new List<string>();
        foreach (var property in _object.EnumerateObject())
        {
            if (!names.Contains(property.Name, StringComparer.Ordinal))
            {
                names.Add(property.Name);
            }
        }

        return names;
    }
}

using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// A filter an <see cref="OnAttribute">[On]</see> handler returns to allow a request only on matching resources
/// (Python's <c>FilterType</c>): metadata key → <see cref="FilterCondition"/>, every condition ANDed. The server matches
/// it against each resource's metadata (for store items, the item's value plus <c>namespace</c> and <c>key</c>).
/// </summary>
/// <remarks>
/// <code>
/// return new AuthFilter
/// {
///     ["owner"] = ctx.User.Identity,                          // {"owner": "alice"}
///     ["org"] = FilterCondition.Eq("acme"),                   // {"org": {"$eq": "acme"}}
///     ["members"] = FilterCondition.Contains("alice"),        // {"members": {"$contains": "alice"}}
/// };
/// </code>
/// </remarks>
public sealed class AuthFilter : AuthResult, IEnumerable<KeyValuePair<string, FilterCondition>>
{
    private readonly List<KeyValuePair<string, FilterCondition>> _conditions = [];

    /// <summary>Creates an empty filter (it matches everything).</summary>
    public AuthFilter()
        : base(isAllowed: true)
    {
    }

    /// <summary>Gets the number of conditions.</summary>
    public int Count => _conditions.Count;

    /// <summary>Gets the metadata keys, in the order they were added.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var (key, _) in _conditions)
            {
                yield return key;
            }
        }
    }

    /// <summary>Gets or sets the condition on a metadata key; setting an existing key replaces its condition.</summary>
    /// <param name="key">The metadata key.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="KeyNotFoundException">There is no condition on that key.</exception>
    public FilterCondition this[string key]
    {
        get => TryGetValue(key, out var condition) ? condition : throw new KeyNotFoundException($"The filter has no condition on \"{key}\".");
        set
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            var index = IndexOf(key);
            if (index >= 0)
            {
                _conditions[index] = new(key, value);
            }
            else
            {
                _conditions.Add(new(key, value));
            }
        }
    }

    /// <summary>Adds a condition (collection-initializer form: <c>{ { "owner", "alice" } }</c>).</summary>
    /// <param name="key">The metadata key.</param>
    /// <param name="condition">The condition.</param>
    /// <exception cref="ArgumentException">There already is a condition on that key.</exception>
    public void Add(string key, FilterCondition condition)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(condition);
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"The filter already has a condition on \"{key}\".", nameof(key));
        }

        _conditions.Add(new(key, condition));
    }

    /// <summary>Gets the condition on a key.</summary>
    /// <param name="key">The metadata key.</param>
    /// <param name="condition">The condition, when there is one.</param>
    /// <returns>True when there is a condition on that key.</returns>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FilterCondition? condition)
    {
        ArgumentNullException.ThrowIfNull(key);
        var index = IndexOf(key);
        condition = index >= 0 ? _conditions[index].Value : null;
        return index >= 0;
    }

    /// <summary>Gets whether there is a condition on a key.</summary>
    /// <param name="key">The metadata key.</param>
    /// <returns>True when there is one.</returns>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>Tests metadata against every condition (ANDed), by the JS server's <c>isAuthMatching</c> rules.</summary>
    /// <param name="metadata">The resource's metadata, or null when it has none.</param>
    /// <returns>True when every condition holds.</returns>
    public bool Matches(JsonObject? metadata)
    {
        foreach (var (key, condition) in _conditions)
        {
            JsonNode? value = null;
            var present = metadata is not null && metadata.TryGetPropertyValue(key, out value);
            if (!condition.IsSatisfiedBy(value, present))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tests metadata against every condition (ANDed), by the JS server's <c>isAuthMatching</c> rules.</summary>
    /// <param name="metadata">The resource's metadata; anything but an object counts as no metadata.</param>
    /// <returns>True when every condition holds.</returns>
    public bool Matches(JsonElement metadata)
    {
        var isObject = metadata.ValueKind == JsonValueKind.Object;
        foreach (var (key, condition) in _conditions)
        {
            JsonElement value = default;
            var present = isObject && metadata.TryGetProperty(key, out value);
            if (!condition.IsSatisfiedBy(value, present))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The JS server's <c>isAuthMatching(metadata, filters)</c>: true when there is no filter, else <see cref="Matches(JsonObject?)"/>.</summary>
    /// <param name="metadata">The resource's metadata, or null.</param>
    /// <param name="filter">The filter a handler returned, or null for none.</param>
    /// <returns>True when the resource may be used.</returns>
    public static bool IsAuthMatching(JsonObject? metadata, AuthFilter? filter) => filter is null || filter.Matches(metadata);

    /// <summary>The JS server's <c>isAuthMatching(metadata, filters)</c>: true when there is no filter, else <see cref="Matches(JsonElement)"/>.</summary>
    /// <param name="metadata">The resource's metadata.</param>
    /// <param name="filter">The filter a handler returned, or null for none.</param>
    /// <returns>True when the resource may be used.</returns>
    public static bool IsAuthMatching(JsonElement metadata, AuthFilter? filter) => filter is null || filter.Matches(metadata);

    /// <summary>Reads a filter from its wire form, for example <c>{"owner": "alice", "tags": {"$contains": ["a", "b"]}}</c>.</summary>
    /// <param name="filter">A JSON object.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="JsonException">The value is not an object of conditions.</exception>
    public static AuthFilter Parse(JsonElement filter)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A filter must be a JSON object, not {filter.ValueKind}.");
        }

        var result = new AuthFilter();
        foreach (var property in filter.EnumerateObject())
        {
            result[property.Name] = FilterCondition.Parse(property.Value);
        }

        return result;
    }

    /// <summary>Reads a filter from its wire form.</summary>
    /// <param name="json">JSON text of an object.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="JsonException">The text is not an object of conditions.</exception>
    public static AuthFilter Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    /// <summary>Writes the filter in its wire form.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (key, condition) in _conditions)
        {
            writer.WritePropertyName(key);
            condition.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>Returns the filter in its wire form, as a new JSON object.</summary>
    /// <returns>The JSON object.</returns>
    public JsonObject ToJsonObject()
    {
        var result = new JsonObject();
        foreach (var (key, condition) in _conditions)
        {
            result[key] = condition.ToJsonNode();
        }

        return result;
    }

    /// <summary>Returns the filter in its wire form, as JSON text.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJsonString()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, FilterCondition>> GetEnumerator() => _conditions.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => ToJsonString();

    private int IndexOf(string key)
    {
        for (var i = 0; i < _conditions.Count; i++)
        {
            if (string.Equals(_conditions[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

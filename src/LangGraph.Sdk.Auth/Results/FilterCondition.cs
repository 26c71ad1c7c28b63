using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// One condition of an <see cref="AuthFilter"/>, on one metadata key: a plain value (<c>"v"</c>), <c>{"$eq": "v"}</c>,
/// <c>{"$contains": "v"}</c> or <c>{"$contains": ["a", "b"]}</c>. A string converts to a plain value.
/// </summary>
public sealed class FilterCondition
{
    private readonly string[]? _containsAll;

    private FilterCondition(string? value, string? eq, string? contains, string[]? containsAll, bool isOperator)
    {
        PlainValue = value;
        EqOperand = eq;
        ContainsOperand = contains;
        _containsAll = containsAll;
        IsOperator = isOperator;
    }

    /// <summary>Gets the plain value (<c>"v"</c>, shorthand for equality), or null for an operator condition.</summary>
    public string? PlainValue { get; }

    /// <summary>Gets the <c>$eq</c> operand, or null.</summary>
    public string? EqOperand { get; }

    /// <summary>Gets the single <c>$contains</c> operand (<c>{"$contains": "v"}</c>), or null.</summary>
    public string? ContainsOperand { get; }

    /// <summary>Gets the list <c>$contains</c> operand (<c>{"$contains": ["a", "b"]}</c>), or null.</summary>
    public IReadOnlyList<string>? ContainsAllOperands => _containsAll;

    /// <summary>Gets whether the condition is an operator object (<c>{"$eq": …}</c> / <c>{"$contains": …}</c>) rather than a plain value.</summary>
    public bool IsOperator { get; }

    /// <summary>Creates a plain-value condition: the metadata value must be this string.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static FilterCondition Plain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, null, null, null, isOperator: false);
    }

    /// <summary>Creates an <c>{"$eq": value}</c> condition: the metadata value must be this string.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <remarks>As on the JS server, an empty <c>$eq</c> operand is falsy and the condition matches anything.</remarks>
    public static FilterCondition Eq(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(null, value, null, null, isOperator: true);
    }

    /// <summary>Creates a <c>{"$contains": value}</c> condition: the metadata value must be an array holding this string.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    /// <remarks>As on the JS server, an empty operand is falsy and the condition matches anything.</remarks>
    public static FilterCondition Contains(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(null, null, value, null, isOperator: true);
    }

    /// <summary>Creates a <c>{"$contains": [values]}</c> condition: the metadata value must be an array holding every one of these strings.</summary>
    /// <param name="values">The values.</param>
    /// <returns>The condition.</returns>
    public static FilterCondition Contains(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        if (Array.IndexOf(array, null) >= 0)
        {
            throw new ArgumentException("A $contains list cannot hold null.", nameof(values));
        }

        return new(null, null, null, array, isOperator: true);
    }

    /// <summary>Turns a string into a plain-value condition.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator FilterCondition(string value) => FromString(value);

    /// <summary>Turns a string into a plain-value condition.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The condition.</returns>
    public static FilterCondition FromString(string value) => Plain(value);

    /// <summary>Reads a condition from its wire form: a string, or an object with <c>$eq</c> and/or <c>$contains</c>.</summary>
    /// <param name="element">The JSON value.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="JsonException">The value has another shape.</exception>
    public static FilterCondition Parse(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return Plain(element.GetString()!);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"A filter condition must be a string or an object with \"$eq\" or \"$contains\", not {element.ValueKind}.");
        }

        string? eq = null;
        string? contains = null;
        string[]? containsAll = null;
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Name)
            {
                case "$eq" when property.Value.ValueKind == JsonValueKind.String:
                    eq = property.Value.GetString();
                    break;
                case "$contains" when property.Value.ValueKind == JsonValueKind.String:
                    contains = property.Value.GetString();
                    break;
                case "$contains" when property.Value.ValueKind == JsonValueKind.Array:
                    containsAll = property.Value.EnumerateArray()
                        .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : throw new JsonException("A \"$contains\" list must hold strings."))
                        .ToArray();
                    break;
                default:
                    throw new JsonException($"Unsupported filter operator \"{property.Name}\" ({property.Value.ValueKind}); use \"$eq\" with a string or \"$contains\" with a string or a list of strings.");
            }
        }

        return new(null, eq, contains, containsAll, isOperator: true);
    }

    /// <summary>
    /// Tests a metadata value the way the JS server's <c>isAuthMatching</c> does: a plain value needs a string equal to
    /// it; otherwise a non-empty <c>$eq</c> needs an equal string, else a <c>$contains</c> needs an array holding the
    /// item (every item, for a list); a condition with no truthy operand matches.
    /// </summary>
    /// <param name="value">The metadata value, or null when the key is missing.</param>
    /// <param name="present">Whether the key is present.</param>
    /// <returns>True when the value satisfies the condition.</returns>
    internal bool IsSatisfiedBy(JsonElement value, bool present)
    {
        if (!IsOperator)
        {
            return present && value.ValueKind == JsonValueKind.String && value.ValueEquals(PlainValue);
        }

        if (!string.IsNullOrEmpty(EqOperand))
        {
            return present && value.ValueKind == JsonValueKind.String && value.ValueEquals(EqOperand);
        }

        if (_containsAll is null && string.IsNullOrEmpty(ContainsOperand))
        {
            return true;
        }

        if (!present || value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        if (_containsAll is null)
        {
            return ArrayContains(value, ContainsOperand!);
        }

        foreach (var item in _containsAll)
        {
            if (!ArrayContains(value, item))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc cref="IsSatisfiedBy(JsonElement, bool)" />
    internal bool IsSatisfiedBy(JsonNode? value, bool present)
    {
        if (!IsOperator)
        {
            return present && IsString(value, PlainValue!);
        }

        if (!string.IsNullOrEmpty(EqOperand))
        {
            return present && IsString(value, EqOperand);
        }

        if (_containsAll is null && string.IsNullOrEmpty(ContainsOperand))
        {
            return true;
        }

        if (!present || value is not JsonArray array)
        {
            return false;
        }

        if (_containsAll is null)
        {
            return ArrayContains(array, ContainsOperand!);
        }

        foreach (var item in _containsAll)
        {
            if (!ArrayContains(array, item))
            {
                return false;
            }
        }

        return true;
    }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        if (!IsOperator)
        {
            writer.WriteStringValue(PlainValue);
            return;
        }

        writer.WriteStartObject();
        if (EqOperand is not null)
        {
            writer.WriteString("$eq", EqOperand);
        }

        if (ContainsOperand is not null)
        {
            writer.WriteString("$contains", ContainsOperand);
        }
        else if (_containsAll is not null)
        {
            writer.WriteStartArray("$contains");
            foreach (var item in _containsAll)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    internal JsonNode ToJsonNode()
    {
        if (!IsOperator)
        {
            return JsonValue.Create(PlainValue)!;
        }

        var result = new JsonObject();
        if (EqOperand is not null)
        {
            result["$eq"] = EqOperand;
        }

        if (ContainsOperand is not null)
        {
            result["$contains"] = ContainsOperand;
        }
        else if (_containsAll is not null)
        {
            var array = new JsonArray();
            foreach (var item in _containsAll)
            {
                array.Add((JsonNode?)JsonValue.Create(item));
            }

            result["$contains"] = array;
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => ToJsonNode().ToJsonString();

    private static bool IsString(JsonNode? node, string expected) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() == expected;

    private static bool ArrayContains(JsonElement array, string item)
    {
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.String && element.ValueEquals(item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ArrayContains(JsonArray array, string item)
    {
        foreach (var element in array)
        {
            if (IsString(element, item))
            {
                return true;
            }
        }

        return false;
    }
}

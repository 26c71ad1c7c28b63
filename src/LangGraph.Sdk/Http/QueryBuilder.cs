using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LangGraph.Sdk.Http;

/// <summary>
/// Builds a query string the way the Python SDK (httpx) does: booleans as <c>true</c>/<c>false</c>, null as an empty
/// value (<c>k=</c>), a sequence as the key repeated. Later values for a key replace earlier ones, so user
/// <c>QueryParams</c> added last override what a method set.
/// </summary>
internal sealed class QueryBuilder
{
    private readonly List<KeyValuePair<string, object?>> _items = [];

    public int Count => _items.Count;

    public QueryBuilder Add(string key, object? value)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Key, key, StringComparison.Ordinal))
            {
                _items[i] = new(key, value);
                return this;
            }
        }

        _items.Add(new(key, value));
        return this;
    }

    public QueryBuilder AddAll(IDictionary<string, object?>? values)
    {
        if (values is not null)
        {
            foreach (var pair in values)
            {
                Add(pair.Key, pair.Value);
            }
        }

        return this;
    }

    public void CopyTo(QueryBuilder target)
    {
        foreach (var (key, value) in _items)
        {
            target.Add(key, value);
        }
    }

    public void AppendTo(StringBuilder builder)
    {
        var first = true;
        foreach (var (key, value) in _items)
        {
            if (value is not string && value is IEnumerable sequence)
            {
                foreach (var item in sequence)
                {
                    AppendPair(builder, key, item, ref first);
                }
            }
            else
            {
                AppendPair(builder, key, value, ref first);
            }
        }
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        AppendTo(builder);
        return builder.ToString();
    }

    internal static string FormatValue(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        string s => s,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void AppendPair(StringBuilder builder, string key, object? value, ref bool first)
    {
        builder.Append(first ? '?' : '&');
        first = false;
        builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(FormatValue(value)));
    }
}

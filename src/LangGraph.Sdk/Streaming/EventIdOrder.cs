using System;
using System.Globalization;

namespace LangGraph.Sdk.Streaming;

/// <summary>
/// Orders event ids when the server's ids are ordered numbers: <c>"0"</c>, <c>"1"</c>… (the JS server) or
/// <c>"1700000000000-3"</c> (Redis stream ids, the Python server). After a reconnect, an event whose id is not after
/// the last one seen is a replay and is skipped, so that a server that ignores <c>Last-Event-ID</c> never makes the
/// caller see an event twice. Ids of any other shape are not compared.
/// </summary>
internal static class EventIdOrder
{
    /// <summary>Returns true when both ids are ordered numbers and <paramref name="id"/> is not after <paramref name="last"/>.</summary>
    public static bool IsAtOrBefore(string id, string last)
    {
        var a = id.AsSpan();
        var b = last.AsSpan();
        while (true)
        {
            var ia = a.IndexOf('-');
            var ib = b.IndexOf('-');
            if ((ia < 0) != (ib < 0))
            {
                return false;
            }

            if (!ulong.TryParse(ia < 0 ? a : a[..ia], NumberStyles.None, CultureInfo.InvariantCulture, out var na)
                || !ulong.TryParse(ib < 0 ? b : b[..ib], NumberStyles.None, CultureInfo.InvariantCulture, out var nb))
            {
                return false;
            }

            if (na != nb)
            {
                return na < nb;
            }

            if (ia < 0)
            {
                return true;
            }

            a = a[(ia + 1)..];
            b = b[(ib + 1)..];
        }
    }
}

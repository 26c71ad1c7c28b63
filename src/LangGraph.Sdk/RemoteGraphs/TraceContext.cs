using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>
/// Writes the W3C trace context of <see cref="Activity.Current"/> (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>)
/// into request headers, so that a remote run joins the caller's trace. Headers already present are kept.
/// </summary>
internal static class TraceContext
{
    public const string TraceParent = "traceparent";
    public const string TraceState = "tracestate";
    public const string Baggage = "baggage";

    public static void Inject(IDictionary<string, string> headers, Activity? activity)
    {
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C || activity.Id is not { } id)
        {
            return;
        }

        if (!headers.ContainsKey(TraceParent))
        {
            headers[TraceParent] = id;
            if (!string.IsNullOrEmpty(activity.TraceStateString) && !headers.ContainsKey(TraceState))
            {
                headers[TraceState] = activity.TraceStateString;
            }
        }

        var baggage = FormatBaggage(activity);
        if (baggage.Length > 0)
        {
            // An existing baggage header is extended, as Python's distributed tracing does.
            headers[Baggage] = headers.TryGetValue(Baggage, out var existing) && !string.IsNullOrWhiteSpace(existing) ? existing + "," + baggage : baggage;
        }
    }

    private static string FormatBaggage(Activity activity)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in activity.Baggage)
        {
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? string.Empty));
        }

        return builder.ToString();
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// The projections of one scope of a thread stream (the root graph, or a subgraph's namespace) over the one log: each
/// enumeration reads the log with its own cursor, from the start of the current run, and ends at the end of the run (the
/// root's terminal lifecycle, or the scope's own).
/// </summary>
internal sealed class ThreadProjections
{
    private readonly ThreadEventLog _log;
    private readonly Func<CancellationToken, ValueTask> _open;
    private readonly Func<int> _start;
    private readonly string _threadId;
    private readonly CredentialRedactor _redactor;

    public ThreadProjections(ThreadEventLog log, Func<CancellationToken, ValueTask> open, IReadOnlyList<string> ns, Func<int> start, string threadId, CredentialRedactor redactor)
    {
        _log = log;
        _open = open;
        Namespace = ns;
        _start = start;
        _threadId = threadId;
        _redactor = redactor;
    }

    public IReadOnlyList<string> Namespace { get; }

    /// <summary>Whether an event is a run's end: a <c>lifecycle</c> event <c>completed</c>, <c>failed</c>, <c>interrupted</c> or <c>cancelled</c>.</summary>
    public static bool IsTerminal(ThreadEvent e) =>
        e.Method == "lifecycle" && LifecycleEvent(e) is "completed" or "failed" or "interrupted" or "cancelled";

    /// <summary>The <c>event</c> of a lifecycle event's data.</summary>
    public static string? LifecycleEvent(ThreadEvent e) =>
        e.Data.ValueKind == JsonValueKind.Object && e.Data.TryGetProperty("event"u8, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Whether two namespaces are the same.</summary>
    public static bool SameNamespace(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The events of the current run, from its start to its end (included), every channel and namespace.</summary>
    public async IAsyncEnumerable<ThreadEvent> RunEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _open(cancellationToken).ConfigureAwait(false);
        await foreach (var e in _log.ReadAsync(_start(), cancellationToken).ConfigureAwait(false))
        {
            yield return e;
            if (IsEnd(e))
            {
                yield break;
            }
        }
    }

    public async IAsyncEnumerable<JsonElement> ValuesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in RunEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Method == "values" && SameNamespace(e.Namespace, Namespace))
            {
                yield return e.Data;
            }
        }
    }

    public async IAsyncEnumerable<ThreadMessage> MessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var assembler = new ThreadMessageAssembler();
        var completed = new List<ThreadMessage>();
        await foreach (var e in RunEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (InScope(e))
            {
                assembler.Apply(e, null, completed);
            }

            if (IsEnd(e))
            {
                assembler.Abandon(completed);
            }

            foreach (var message in completed)
            {
                yield return message;
            }

            completed.Clear();
        }
    }

    public async IAsyncEnumerable<ThreadMessageDelta> MessageDeltasAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var assembler = new ThreadMessageAssembler();
        var deltas = new List<ThreadMessageDelta>();
        await foreach (var e in RunEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!InScope(e))
            {
                continue;
            }

            assembler.Apply(e, deltas, null);
            foreach (var delta in deltas)
            {
                yield return delta;
            }

            deltas.Clear();
        }
    }

    public async IAsyncEnumerable<ThreadToolCall> ToolCallsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var assembler = new ThreadToolCallAssembler();
        var completed = new List<ThreadToolCall>();
        await foreach (var e in RunEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (InScope(e))
            {
                assembler.Apply(e, completed);
            }

            if (IsEnd(e))
            {
                assembler.Abandon(completed);
            }

            foreach (var call in completed)
            {
                yield return call;
            }

            completed.Clear();
        }
    }

    /// <summary>The subgraphs started directly below this scope (a <c>lifecycle started</c> one level deeper), each as a handle with its own projections.</summary>
    public async IAsyncEnumerable<ThreadSubgraph> SubgraphsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var from = _start();
        await foreach (var e in RunEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Method == "lifecycle" && e.Namespace.Count == Namespace.Count + 1 && InScope(e) && LifecycleEvent(e) == "started")
            {
                var segment = e.Namespace[^1];
                var colon = segment.LastIndexOf(':');
                var name = colon < 0 ? segment : segment[..colon];
                var index = colon >= 0 && int.TryParse(segment.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
                var graphName = e.Data.TryGetProperty("graph_name"u8, out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
                var start = from;
                yield return new ThreadSubgraph(name, index, e.Namespace, graphName, new ThreadProjections(_log, _open, e.Namespace, () => start, _threadId, _redactor));
            }
        }
    }

    /// <summary>The scope's last values of the run; a failed run raises its error.</summary>
    public async Task<JsonElement> OutputAsync(string? runId, CancellationToken cancellationToken)
    {
        JsonElement? last = null;
        ThreadEvent? end = null;
        await foreach (var e in RunEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (e.Method == "values" && SameNamespace(e.Namespace, Namespace))
            {
                last = e.Data;
            }

            if (IsEnd(e))
            {
                end = e;
            }
        }

        if (end is null)
        {
            throw new LangGraphException($"The thread stream of thread {_threadId} was closed before the run ended.");
        }

        if (LifecycleEvent(end) == "failed")
        {
            throw RunErrors.FromError(LifecycleError(end), runId, _threadId, _redactor);
        }

        return last ?? JsonValues.Null;
    }

    /// <summary>The error of a <c>lifecycle failed</c> event: the server sends it as JSON text (<c>"{\"error\":\"CustomError\",\"message\":\"Boo!\"}"</c>).</summary>
    internal static JsonElement LifecycleError(ThreadEvent e)
    {
        if (!e.Data.TryGetProperty("error"u8, out var error))
        {
            return JsonValues.Null;
        }

        if (error.ValueKind == JsonValueKind.String && error.GetString() is { } text && text.TrimStart().StartsWith('{'))
        {
            try
            {
                return JsonSerializer.Deserialize(text, LangGraphJsonContext.Default.JsonElement);
            }
            catch (JsonException)
            {
                // Plain text that starts with a brace: the message as it is.
            }
        }

        return error;
    }

    private bool InScope(ThreadEvent e) => ProtocolFilter.IsPrefixMatch(e.Namespace, Namespace);

    private bool IsEnd(ThreadEvent e) => IsTerminal(e) && (e.Namespace.Count == 0 || SameNamespace(e.Namespace, Namespace));
}

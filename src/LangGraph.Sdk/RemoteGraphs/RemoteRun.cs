using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LangGraph.Sdk.Errors;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>
/// Turns the events of one run started by a <see cref="RemoteGraph"/> into chunks: keeps the modes the caller asked for
/// (and <c>updates</c> that carry interrupts), remembers the run id, and raises <see cref="RemoteGraphException"/> for
/// an <c>error</c> event. An event name is split into mode and namespace once for a run of events with that name.
/// </summary>
internal sealed class RemoteRun
{
    private readonly string _graphName;
    private readonly HashSet<string> _wanted;
    private string? _lastEvent;
    private string _lastMode = string.Empty;
    private IReadOnlyList<string> _lastNamespace = [];

    public RemoteRun(string graphName, string? threadId, IReadOnlyList<StreamMode> requested)
    {
        _graphName = graphName;
        ThreadId = threadId;

        // messages-tuple streams events named messages.
        _wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mode in requested)
        {
            _wanted.Add(mode == StreamMode.MessagesTuple ? StreamMode.Messages.Value : mode.Value);
        }
    }

    /// <summary>Gets the thread of the run, or null for a stateless run.</summary>
    public string? ThreadId { get; }

    /// <summary>Gets or sets the run id, once the server has named it (Content-Location or the metadata event).</summary>
    public string? RunId { get; set; }

    /// <summary>Returns the chunk for an event the caller sees, or false for one that is dropped.</summary>
    /// <exception cref="RemoteGraphException">The event is the run's <c>error</c>.</exception>
    public bool TryChunk(in StreamPart part, [NotNullWhen(true)] out RemoteGraphChunk? chunk)
    {
        var name = part.Event ?? string.Empty;
        if (!string.Equals(name, _lastEvent, StringComparison.Ordinal))
        {
            var bar = name.IndexOf('|', StringComparison.Ordinal);
            _lastMode = bar < 0 ? name : name[..bar];
            _lastNamespace = bar < 0 ? [] : name[(bar + 1)..].Split('|');
            _lastEvent = name;
        }

        var mode = _lastMode;
        if (mode == "metadata")
        {
            RunId ??= ReadRunId(part.Data);
        }
        else if (mode == "error")
        {
            var (errorName, errorMessage) = RunErrors.Read(part.Data);
            throw new RemoteGraphException(_graphName, errorName, errorMessage, RunId, ThreadId, part.Data);
        }

        if (_wanted.Contains(mode) || (mode == "updates" && InterruptData.TryGetList(part.Data, out _)))
        {
            chunk = new RemoteGraphChunk(new StreamMode(mode), _lastNamespace, part.Data, part.Id);
            return true;
        }

        chunk = null;
        return false;
    }

    private static string? ReadRunId(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("run_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}

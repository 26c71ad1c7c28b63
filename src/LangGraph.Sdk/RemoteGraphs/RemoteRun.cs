using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.RemoteGraphs;

/// <summary>
/// Turns the events of one run started by a <see cref="RemoteGraph"/> into chunks: keeps the modes the caller asked for
/// (and <c>updates</c> that carry interrupts) and remembers the run id. Event names are parsed by
/// <see cref="StreamPart"/> and requested modes mapped to event modes by <see cref="StreamMode.EventMode"/>, as everywhere else. (An <c>error</c> event becomes
/// <see cref="RemoteGraphException"/> in the streaming core, through <see cref="RunErrorFactory"/>.) An event name is split into mode and namespace once for a run of events with that name.
/// </summary>
internal sealed class RemoteRun
{
    private readonly HashSet<string> _wanted;
    private string? _lastEvent;
    private bool _failed;
    private string _lastMode = string.Empty;
    private IReadOnlyList<string> _lastNamespace = [];

    public RemoteRun(string? threadId, IReadOnlyList<StreamMode> requested)
    {
        ThreadId = threadId;

        _wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mode in requested)
        {
            _wanted.Add(mode.EventMode);
        }
    }

    /// <summary>Gets the thread of the run, or null for a stateless run.</summary>
    public string? ThreadId { get; }

    /// <summary>Gets or sets the run id, once the server has named it (Content-Location or the metadata event).</summary>
    public string? RunId { get; set; }

    /// <summary>Returns the chunk for an event the caller sees, or false for one that is dropped.</summary>
    public bool TryChunk(in StreamPart part, [NotNullWhen(true)] out RemoteGraphChunk? chunk)
    {
        var name = part.Event ?? string.Empty;
        if (!string.Equals(name, _lastEvent, StringComparison.Ordinal))
        {
            _lastMode = StreamPart.ModeOf(name);
            _lastNamespace = StreamPart.NamespaceOf(name);
            _lastEvent = name;
        }

        var mode = _lastMode;
        if (mode == "metadata")
        {
            RunId ??= ReadRunId(part.Data);
        }

        // After the error event nothing is passed on: the core raises it (as RemoteGraphException) when the stream ends.
        _failed |= mode == "error";
        if (_failed)
        {
            chunk = null;
            return false;
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

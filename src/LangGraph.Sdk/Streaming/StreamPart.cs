using System.Text.Json;

namespace LangGraph.Sdk;

/// <summary>One server-sent event of a stream: its event name, its JSON data and its id.</summary>
/// <param name="Event">The event name, for example <c>values</c>, <c>updates</c>, <c>metadata</c>, <c>error</c>, or <c>updates|node:task</c> for a subgraph.</param>
/// <param name="Data">The event's data as JSON; a JSON null when the event had no data.</param>
/// <param name="Id">The event id (the last one seen, as the SSE rules keep it), or null when the server sends none.</param>
public readonly record struct StreamPart(string Event, JsonElement Data, string? Id);

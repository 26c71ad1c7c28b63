using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth.AspNetCore.Gateway;

/// <summary>
/// The gateway's own reads of the upstream: a resource's metadata before a mutation, a thread's metadata for a copy,
/// a graph id's assistant UUID (cached per graph id). They carry the upstream headers, never the client's.
/// </summary>
internal sealed class UpstreamReader
{
    private const int MaxCachedAssistants = 10_000;

    private readonly HttpMessageInvoker _upstream;
    private readonly string _destinationPrefix;
    private readonly IDictionary<string, string> _headers;
    private readonly ConcurrentDictionary<string, string> _assistantIds = new(StringComparer.Ordinal);

    public UpstreamReader(HttpMessageInvoker upstream, string destinationPrefix, IDictionary<string, string> headers)
    {
        _upstream = upstream;
        _destinationPrefix = destinationPrefix;
        _headers = headers;
    }

    /// <summary>GETs a path upstream: the status, and the body when it is a success.</summary>
    public async Task<(HttpStatusCode Status, byte[]? Json)> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, _destinationPrefix + pathAndQuery);
        foreach (var (name, value) in _headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _upstream.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false))
            : (response.StatusCode, null);
    }

    /// <summary>The engine's <see cref="AuthRequest.ThreadMetadataLoader"/>: a stored thread's metadata, or null when it cannot be read.</summary>
    public async ValueTask<JsonObject?> LoadThreadMetadataAsync(string threadId, CancellationToken cancellationToken)
    {
        var (_, json) = await GetAsync("/threads/" + Uri.EscapeDataString(threadId), cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject thread ? thread["metadata"] as JsonObject ?? new JsonObject() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The engine's <see cref="AuthRequest.AssistantIdResolver"/>: the UUID of the assistant a graph id names, as the upstream resolves it.</summary>
    public async ValueTask<string?> ResolveAssistantIdAsync(string assistantId, CancellationToken cancellationToken)
    {
        if (_assistantIds.TryGetValue(assistantId, out var cached))
        {
            return cached;
        }

        var (_, json) = await GetAsync("/assistants/" + Uri.EscapeDataString(assistantId), cancellationToken).ConfigureAwait(false);
        string? resolved = null;
        if (json is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty("assistant_id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    resolved = id.GetString();
                }
            }
            catch (JsonException)
            {
                resolved = null;
            }
        }

        if (resolved is not null)
        {
            if (_assistantIds.Count >= MaxCachedAssistants)
            {
                _assistantIds.Clear();
            }

            _assistantIds[assistantId] = resolved;
        }

        return resolved;
    }
}

using System;
using System.Collections.Generic;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// What a transport needs from the client to reach one thread's protocol routes: the API URL, the thread, the headers of
/// every request (the client's defaults with the stream's own over them), the clock and backoff, the event size limit,
/// and the HTTP core (for the SSE transport). Holds no session: every request and reconnect sends its own credentials.
/// </summary>
internal sealed class ThreadStreamConnection
{
    public ThreadStreamConnection(LangGraphHttpCore core, string threadId, string assistantId, LangGraphRequestOptions? requestOptions, int maxReconnects)
    {
        ArgumentNullException.ThrowIfNull(core);
        Core = core;
        ThreadId = threadId;
        AssistantId = assistantId;
        RequestOptions = requestOptions;
        MaxReconnects = maxReconnects;
        BaseAddress = core.ApiUrl;
        Headers = MergeHeaders(core.DefaultHeaders, requestOptions);
        Redactor = core.RedactorFor(requestOptions);
        ThreadPath = "/threads/" + UrlPath.Segment(threadId, "threadId");
    }

    /// <summary>Gets the HTTP core: the SSE transport sends its commands and opens its event streams through it.</summary>
    public LangGraphHttpCore Core { get; }

    /// <summary>Gets the API URL (<see cref="LangGraphClientOptions.ApiUrl"/>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the thread id.</summary>
    public string ThreadId { get; }

    /// <summary>Gets the assistant the stream runs.</summary>
    public string AssistantId { get; }

    /// <summary>Gets the path of the thread below the API URL, <c>/threads/{escaped id}</c>.</summary>
    public string ThreadPath { get; }

    /// <summary>Gets the stream's own request options (headers and query parameters sent with every request), if any.</summary>
    public LangGraphRequestOptions? RequestOptions { get; }

    /// <summary>
    /// Gets the headers of every request and of the WebSocket upgrade: User-Agent, <see cref="LangGraphClientOptions.DefaultHeaders"/>,
    /// the API key, then the stream's <see cref="LangGraphRequestOptions.Headers"/> over them (case-insensitive).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Gets the redactor of the client's and the stream's credentials, for every message.</summary>
    public CredentialRedactor Redactor { get; }

    /// <summary>Gets the clock of every delay.</summary>
    public TimeProvider TimeProvider => Core.TimeProvider;

    /// <summary>Gets the client's backoff (<see cref="LangGraphRetryOptions.ReconnectDelay"/>).</summary>
    public LangGraphRetryOptions Retry => Core.RetryOptions;

    /// <summary>Gets how many reconnects in a row are tried before the stream fails (the count restarts after an event).</summary>
    public int MaxReconnects { get; }

    /// <summary>Gets the largest event accepted, in bytes.</summary>
    public int MaxStreamEventSize => Core.MaxStreamEventSize;

    private static KeyValuePair<string, string>[] MergeHeaders(IReadOnlyList<KeyValuePair<string, string>> defaults, LangGraphRequestOptions? options)
    {
        var headers = new List<KeyValuePair<string, string>>(defaults);
        if (options?.Headers is { Count: > 0 } own)
        {
            foreach (var header in own)
            {
                headers.RemoveAll(h => string.Equals(h.Key, header.Key, StringComparison.OrdinalIgnoreCase));
                headers.Add(header);
            }
        }

        return [.. headers];
    }
}

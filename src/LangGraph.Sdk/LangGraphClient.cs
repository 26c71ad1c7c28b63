using System;
using System.Collections.Generic;
using System.Net.Http;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk;

/// <summary>
/// The client of a LangGraph server (LangGraph Platform / Agent Server): Python's <c>get_client()</c> in .NET.
/// </summary>
/// <remarks>
/// <para>
/// The client is thread-safe and meant to be a singleton: create one per server and share it. Per-user credentials go
/// in each call's <c>Headers</c>, or in one client per user.
/// </para>
/// <para>Dispose it when done; it disposes the <see cref="HttpClient"/> it created, never one you passed in.</para>
/// </remarks>
/// <example>
/// <code>
/// using var client = new LangGraphClient(new LangGraphClientOptions
/// {
///     ApiUrl = new Uri("http://localhost:2024"),
///     DefaultHeaders = { ["Authorization"] = $"Bearer {token}" },
/// });
/// var thread = await client.Threads.CreateAsync();
/// var mine = await client.Threads.SearchAsync();
/// </code>
/// </example>
public class LangGraphClient : IDisposable
{
    private readonly LangGraphHttpCore? _core;
    private bool _disposed;

    /// <summary>Creates a client of the server at <paramref name="apiUrl"/>, with every other option at its default.</summary>
    /// <param name="apiUrl">The server's base URL, for example <c>http://localhost:2024</c>.</param>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
    public LangGraphClient(Uri apiUrl)
        : this(new LangGraphClientOptions { ApiUrl = apiUrl })
    {
    }

    /// <summary>Creates a client with its own <see cref="HttpClient"/>.</summary>
    /// <param name="options">The settings; copied, so later changes to the object do not affect this client.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public LangGraphClient(LangGraphClientOptions options)
        : this(new LangGraphHttpCore(options, httpClient: null))
    {
    }

    /// <summary>
    /// Creates a client that sends its requests through <paramref name="httpClient"/>, which stays yours: the client
    /// never disposes it. Its <see cref="HttpClient.Timeout"/> also applies; set it to
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for long streams.
    /// </summary>
    /// <param name="options">The settings; copied.</param>
    /// <param name="httpClient">The HTTP client to send through.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public LangGraphClient(LangGraphClientOptions options, HttpClient httpClient)
        : this(new LangGraphHttpCore(options, httpClient ?? throw new ArgumentNullException(nameof(httpClient))))
    {
    }

    /// <summary>For mocking frameworks only: a client created this way has no connection and null sub-clients.</summary>
    protected LangGraphClient()
    {
        Threads = null!;
        Runs = null!;
        Assistants = null!;
        Crons = null!;
        Store = null!;
        Http = null!;
    }

    internal LangGraphClient(LangGraphHttpCore core)
    {
        _core = core;
        Threads = new ThreadsClient(core);
        Runs = new RunsClient(core);
        Assistants = new AssistantsClient(core);
        Crons = new CronsClient(core);
        Store = new StoreClient(core);
        Http = new LangGraphRawClient(core);
    }

    /// <summary>Gets the threads client (<c>client.threads</c> in Python).</summary>
    public virtual ThreadsClient Threads { get; }

    /// <summary>Gets the runs client (<c>client.runs</c> in Python): stream, create, wait for, join, cancel and delete runs.</summary>
    public virtual RunsClient Runs { get; }

    /// <summary>Gets the assistants client (<c>client.assistants</c> in Python).</summary>
    public virtual AssistantsClient Assistants { get; }

    /// <summary>Gets the cron jobs client (<c>client.crons</c> in Python).</summary>
    public virtual CronsClient Crons { get; }

    /// <summary>Gets the key-value store client (<c>client.store</c> in Python).</summary>
    public virtual StoreClient Store { get; }

    /// <summary>
    /// Gets raw access to routes the SDK does not wrap, through the same headers, retries and errors
    /// (<c>client.http</c> in Python).
    /// </summary>
    public virtual LangGraphRawClient Http { get; }

    /// <summary>Gets the base URL of the server this client talks to.</summary>
    public virtual Uri ApiUrl => _core?.ApiUrl ?? LangGraphClientOptions.DefaultApiUrl;

    /// <summary>
    /// Creates a client as Python's <c>get_client(url=…, api_key=…, headers=…)</c> does.
    /// </summary>
    /// <param name="url">The server URL; <c>http://localhost:8123</c> when null.</param>
    /// <param name="apiKey">The API key sent as <c>x-api-key</c>; when null, read from <c>LANGGRAPH_API_KEY</c>, <c>LANGSMITH_API_KEY</c> or <c>LANGCHAIN_API_KEY</c>.</param>
    /// <param name="headers">Headers sent on every request, such as <c>Authorization</c>; <c>x-api-key</c> is refused.</param>
    /// <param name="timeout">How long one call may take; five minutes when null.</param>
    /// <returns>A new client, which the caller disposes.</returns>
    /// <exception cref="ArgumentException">An argument is invalid.</exception>
    public static LangGraphClient Create(string? url = null, string? apiKey = null, IEnumerable<KeyValuePair<string, string>>? headers = null, TimeSpan? timeout = null)
    {
        var options = new LangGraphClientOptions { ApiKey = apiKey };
        if (url is not null)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var apiUrl))
            {
                throw new ArgumentException($"'{url}' is not an absolute URL.", nameof(url));
            }

            options.ApiUrl = apiUrl;
        }

        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                options.DefaultHeaders[name] = value;
            }
        }

        if (timeout is { } t)
        {
            options.Timeout = t;
        }

        return new LangGraphClient(options);
    }

    /// <summary>Releases the HTTP client this client created (never a caller-owned one).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!_disposed && disposing)
        {
            _core?.Dispose();
            _disposed = true;
        }
    }
}

using System;
using System.Collections.Generic;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk;

/// <summary>
/// Settings of a <see cref="RemoteGraph"/>: where the deployment is and how to authenticate (when the graph builds its own
/// client), plus the default config and name of the graph.
/// </summary>
public sealed class RemoteGraphOptions
{
    /// <summary>
    /// Gets or sets the deployment's URL, for example <c>http://localhost:2024</c>. Required unless a
    /// <see cref="LangGraphClient"/> is given to the constructor; not allowed together with one.
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// Gets or sets the API key sent as <c>x-api-key</c>. When null and the graph builds its own client, it is read from
    /// <c>LANGGRAPH_API_KEY</c>, <c>LANGSMITH_API_KEY</c> or <c>LANGCHAIN_API_KEY</c> as <see cref="LangGraphClient"/> does
    /// (unless <see cref="ReadApiKeyFromEnvironment"/> is false). With a given client, a key set here is sent on each of this
    /// graph's calls.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets whether a null <see cref="ApiKey"/> is read from the environment.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool ReadApiKeyFromEnvironment { get; set; } = true;

    /// <summary>
    /// Gets the headers sent on every call of this graph, for example <c>Authorization: Bearer …</c>. They become the
    /// default headers of the client the graph builds, or are sent per call on a given client. Case-insensitive;
    /// <c>x-api-key</c> belongs in <see cref="ApiKey"/>.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new HeaderDictionary(apiKeyHome: "RemoteGraphOptions.ApiKey", name: "RemoteGraphOptions.Headers");

    /// <summary>
    /// Gets or sets the config merged into every call (<c>tags</c>, <c>metadata</c>, <c>recursion_limit</c>,
    /// <c>configurable</c>), as Python's <c>RemoteGraph(config=…)</c>. Copied by the constructor.
    /// </summary>
    public RunConfig? Config { get; set; }

    /// <summary>Gets or sets the graph's name; the assistant id when null.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Gets or sets whether RemoteGraph itself writes the W3C trace context of the current
    /// <see cref="System.Diagnostics.Activity"/> (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>) on each call, as
    /// Python's <c>distributed_tracing</c> option does. .NET's own HTTP handler already propagates the current activity
    /// (as the HTTP client span's child when tracing listens), so remote runs join the caller's trace without this; turn it
    /// on for handlers that do not propagate (a custom <see cref="System.Net.Http.HttpMessageHandler"/>, or propagation
    /// switched off). Headers already set win.
    /// </summary>
    /// <value>The default value is <see langword="false"/>, as in Python.</value>
    public bool DistributedTracing { get; set; }

    /// <summary>
    /// Gets or sets how long one non-streaming call may take, retries included, when the graph builds its own client.
    /// </summary>
    /// <value>The default value is five minutes (the client's default).</value>
    public TimeSpan? Timeout { get; set; }
}

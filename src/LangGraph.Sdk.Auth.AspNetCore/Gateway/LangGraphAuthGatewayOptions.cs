using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Auth.AspNetCore;

/// <summary>Options of the auth gateway (<see cref="LangGraphAuthBuilder.AddGateway"/>).</summary>
public sealed class LangGraphAuthGatewayOptions
{
    /// <summary>The default <see cref="MaxRequestBodySize"/>: 10 MiB.</summary>
    public const long DefaultMaxRequestBodySize = 10 * 1024 * 1024;

    /// <summary>
    /// Gets or sets the LangGraph server the gateway forwards to, for example <c>http://127.0.0.1:8123</c>: an absolute
    /// <c>http</c> or <c>https</c> URI, optionally with a base path. Required; validated when the host starts. Its own auth
    /// must be off, and it must be reachable only through the gateway.
    /// </summary>
    public Uri? Upstream { get; set; }

    /// <summary>
    /// Gets or sets whether a request carrying <c>x-auth-scheme: langsmith</c> runs as the LangGraph Studio user without
    /// authentication (the dev server's Studio path, <see cref="Auth.EnableStudioAuth"/>).
    /// <value>The default value is false: no header bypasses authentication, and the header never reaches the engine or the upstream.</value>
    /// </summary>
    public bool AllowStudioUsers { get; set; }

    /// <summary>
    /// Gets the headers the gateway adds to every upstream request (for example the upstream's own API key). They are
    /// sent to the upstream only: never to the client, never to a handler. A client header of the same name is replaced.
    /// </summary>
    public IDictionary<string, string> UpstreamHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets whether the client's credentials (<see cref="ClientCredentialHeaders"/>) are removed from the request
    /// before it is forwarded, so that the upstream never sees them.
    /// <value>The default value is false: the upstream gets the client's headers, as a graph may read them.</value>
    /// </summary>
    public bool StripClientCredentials { get; set; }

    /// <summary>
    /// Gets the headers <see cref="StripClientCredentials"/> removes.
    /// <value>The default value is <c>Authorization</c>, <c>X-Api-Key</c>, <c>Cookie</c> and <c>Proxy-Authorization</c>.</value>
    /// </summary>
    public ICollection<string> ClientCredentialHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "X-Api-Key", "Cookie", "Proxy-Authorization",
    };

    /// <summary>
    /// Gets or sets the largest request body the gateway accepts, in bytes; a larger one is refused with 413.
    /// <value>The default value is <see cref="DefaultMaxRequestBodySize"/> (10 MiB).</value>
    /// </summary>
    public long MaxRequestBodySize { get; set; } = DefaultMaxRequestBodySize;

    /// <summary>
    /// Gets or sets how long an upstream request may stay without activity (no bytes either way) before it is
    /// cancelled; a stream that keeps sending is never cut.
    /// <value>The default value is 30 minutes (long <c>runs/wait</c> calls send nothing until the run ends).</value>
    /// </summary>
    public TimeSpan UpstreamActivityTimeout { get; set; } = TimeSpan.FromMinutes(30);
}

using System;
using System.Collections.Generic;

namespace LangGraph.Sdk.Testing;

/// <summary>How to start the bundled LangGraph JS dev server.</summary>
public sealed class LangGraphDevServerOptions
{
    /// <summary>The config with custom auth (Bearer tokens alice-token / bob-token, x-api-key key-alice / key-bob).</summary>
    public const string AuthConfig = "langgraph.json";

    /// <summary>The config without auth.</summary>
    public const string NoAuthConfig = "langgraph.noauth.json";

    /// <summary>Gets or sets the config file inside the fixture directory.</summary>
    public string ConfigFile { get; set; } = AuthConfig;

    /// <summary>Gets or sets the fixture directory (package.json, langgraph.json, src/); the bundled one when null.</summary>
    public string? FixtureDirectory { get; set; }

    /// <summary>Gets or sets the port; a free one on 127.0.0.1 when 0.</summary>
    public int Port { get; set; }

    /// <summary>Gets or sets how long to wait for <c>GET /info</c> to answer.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Gets or sets the Node.js executable (a name found on PATH, or a path).</summary>
    public string NodeCommand { get; set; } = "node";

    /// <summary>
    /// Gets extra files written into the server's fresh work directory (a copy of the fixture) before it starts: path
    /// relative to that directory → content. A test's own config (name it in <see cref="ConfigFile"/>) and auth file go here.
    /// </summary>
    public IDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets extra environment variables for the server process (for example what its auth file reads).</summary>
    public IDictionary<string, string> EnvironmentVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets where progress lines go (npm ci, start, stop); nowhere when null.</summary>
    public Action<string>? Log { get; set; }
}

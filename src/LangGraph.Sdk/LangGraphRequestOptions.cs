using System.Collections.Generic;
using LangGraph.Sdk.Http;

namespace LangGraph.Sdk;

/// <summary>
/// What every call accepts: extra headers and extra query parameters. Each method's options type derives from it.
/// </summary>
public class LangGraphRequestOptions
{
    /// <summary>
    /// Gets the headers sent with this call only. They win over <see cref="LangGraphClientOptions.DefaultHeaders"/>
    /// (case-insensitive), for example a per-user <c>Authorization</c> header on a shared client.
    /// </summary>
    public IDictionary<string, string> Headers { get; } = new HeaderDictionary(allowApiKey: true);

    /// <summary>
    /// Gets extra query parameters for this call (Python's <c>params=</c>). They are merged into the query the method builds
    /// and override it. Values are serialised as the Python SDK does: booleans as <c>true</c>/<c>false</c>, null as an empty
    /// value, and a sequence as the key repeated.
    /// </summary>
    public IDictionary<string, object?> QueryParams { get; } = new Dictionary<string, object?>();
}

namespace LangGraph.Sdk;

/// <summary>Options of <see cref="AssistantsClient.GetGraphAsync"/>.</summary>
public sealed class AssistantGetGraphOptions : LangGraphRequestOptions
{
    /// <summary>
    /// Gets or sets whether subgraphs are drawn too: <c>true</c>, <c>false</c> or a maximum depth (<c>Xray = 2</c>).
    /// Always sent as <c>xray</c>.
    /// </summary>
    /// <value>The default value is <see cref="GraphXray.None"/> (<c>xray=false</c>).</value>
    public GraphXray Xray { get; set; }
}

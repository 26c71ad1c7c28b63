namespace LangGraph.Sdk.Auth.AspNetCore;

/// <summary>Options of the auth delegate endpoint (<see cref="LangGraphAuthBuilder.AddDelegate"/>).</summary>
public sealed class LangGraphAuthDelegateOptions
{
    /// <summary>The shortest <see cref="Secret"/> accepted, in characters.</summary>
    public const int MinimumSecretLength = 16;

    /// <summary>
    /// Gets or sets the secret the auth file sends (its <c>LANGGRAPH_AUTH_DELEGATE_SECRET</c>); a call without it, or with
    /// another one, is answered 401. Compared in constant time. Required, at least <see cref="MinimumSecretLength"/>
    /// characters; validated when the host starts. Keep it in configuration or a secret store, never in source.
    /// </summary>
    public string? Secret { get; set; }
}

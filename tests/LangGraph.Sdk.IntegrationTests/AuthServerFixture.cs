using System;
using System.Text.Json;

namespace LangGraph.Sdk.IntegrationTests;

/// <summary>
/// A LangGraph server with the test users' custom auth (alice and bob, see tests/server/README.md): either the JS server
/// running its own <c>auth.ts</c> (<see cref="LangGraphServerFixture"/>) or the no-auth JS server behind the C# gateway
/// running the same rules (<see cref="Gateway.GatewayFixture"/>). The custom-auth scenarios run against both.
/// </summary>
public abstract class AuthServerFixture
{
    /// <summary>Gets the URL that clients call.</summary>
    public abstract Uri Url { get; }

    /// <summary>Gets a short name for test output.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The body of a denial or of an error that auth produced, as this server writes it: the JS server answers
    /// <c>text/plain</c> with the bare message, the gateway answers <c>{"detail": "…"}</c> like the Python server.
    /// </summary>
    public abstract string ErrorBody(string detail);

    /// <summary>A client with a Bearer token as default header and no API key from the environment.</summary>
    public LangGraphClient CreateClient(string? bearerToken = LangGraphServerFixture.AliceToken, Action<LangGraphClientOptions>? configure = null)
    {
        var options = new LangGraphClientOptions { ApiUrl = Url, ReadApiKeyFromEnvironment = false };
        if (bearerToken is not null)
        {
            options.DefaultHeaders["Authorization"] = $"Bearer {bearerToken}";
        }

        configure?.Invoke(options);
        return new LangGraphClient(options);
    }

    /// <summary>The <c>{"detail": …}</c> body of the Python server and the gateway.</summary>
    protected static string DetailBody(string detail) => JsonSerializer.Serialize(new { detail });
}

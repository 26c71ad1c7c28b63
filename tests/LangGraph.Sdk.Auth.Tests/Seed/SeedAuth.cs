using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Auth.Tests.Seed;

// The C# twin of the handler in the "Add custom authentication" guide (reference/seed-custom-auth.md), shown next to the
// Python original in docs/auth.md. Keep the two in step.

/// <summary>Your API key validation logic (the guide's <c>is_valid_key</c>).</summary>
public interface IApiKeyValidator
{
    bool IsValid(string apiKey);
}

/// <summary>Your secret store (the guide's <c>fetch_user_tokens</c>).</summary>
public interface IUserTokenStore
{
    Task<UserTokens> FetchAsync(string apiKey, CancellationToken cancellationToken);
}

public sealed record UserTokens(string GitHubToken, string JiraToken);

public sealed class MyAuth(IApiKeyValidator keys, IUserTokenStore tokens)
{
    [Authenticate]
    public async Task<MinimalUserDict> AuthenticateAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        headers.TryGetValue("x-api-key", out var apiKey);
        if (string.IsNullOrEmpty(apiKey) || !keys.IsValid(apiKey))
        {
            throw new AuthHttpException(statusCode: 401, detail: "Invalid API key");
        }

        // Fetch user-specific tokens from your secret store
        var userTokens = await tokens.FetchAsync(apiKey, cancellationToken);

        return new MinimalUserDict(identity: apiKey) // fetch user ID from LangSmith
        {
            ["github_token"] = userTokens.GitHubToken,
            ["jira_token"] = userTokens.JiraToken,
            // ... custom fields/secrets here
        };
    }
}

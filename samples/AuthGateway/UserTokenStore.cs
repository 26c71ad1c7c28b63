using System.Threading;
using System.Threading.Tasks;

namespace AuthGateway;

/// <summary>The tokens a user's agent acts with (GitHub, Jira), from a secret store in a real deployment.</summary>
public sealed class UserTokenStore
{
    /// <summary>Fetches the user's tokens.</summary>
    public Task<UserTokens> FetchAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(new UserTokens($"gh-{userId}", $"jira-{userId}"));
}

namespace AuthGateway;

/// <summary>A user's tokens for the services the agent calls on the user's behalf.</summary>
public sealed record UserTokens(string GitHubToken, string JiraToken);

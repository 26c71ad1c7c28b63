using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk.Auth;

namespace AuthGateway;

/// <summary>
/// The handler of LangGraph's guide "Add custom authentication", in C#: the <c>x-api-key</c> header identifies the
/// user, whose tokens are fetched from a secret store and returned as custom fields, so that the graph finds them in
/// <c>config.configurable.langgraph_auth_user</c> ("agent authentication"). On top of the guide, two authorization
/// rules make the users private from each other: a new thread (or run) is stamped with its owner, and every other
/// thread action only sees the caller's threads; the store is split by the first namespace label.
/// </summary>
public sealed class SeedAuth(ApiKeyStore keys, UserTokenStore tokens)
{
    /// <summary>Authenticates every request (except <c>/info</c>) by its <c>x-api-key</c>.</summary>
    [Authenticate]
    public async Task<MinimalUserDict> AuthenticateAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        headers.TryGetValue("x-api-key", out var apiKey);
        if (string.IsNullOrEmpty(apiKey) || keys.FindUser(apiKey) is not { } userId)
        {
            throw new AuthHttpException(statusCode: 401, detail: "Invalid API key");
        }

        // Fetch user-specific tokens from your secret store.
        var userTokens = await tokens.FetchAsync(userId, cancellationToken);

        // The guide uses the key itself as the identity ("fetch user ID from LangSmith"); a user id keeps the key
        // out of the stored metadata.
        return new MinimalUserDict(identity: userId)
        {
            ["github_token"] = userTokens.GitHubToken,
            ["jira_token"] = userTokens.JiraToken,
        };
    }

    /// <summary>A new thread belongs to its creator; the filter also keeps <c>if_exists: do_nothing</c> from handing out another user's thread.</summary>
    [On("threads", "create")]
    public static AuthResult OnThreadCreate(AuthContext ctx, ThreadsCreate value)
    {
        value.Metadata["owner"] = ctx.User.Identity;
        return Owner(ctx);
    }

    /// <summary>A run is stamped too, and only starts on the caller's own thread.</summary>
    [On("threads", "create_run")]
    public static AuthResult OnRunCreate(AuthContext ctx, RunsCreate value)
    {
        value.Metadata["owner"] = ctx.User.Identity;
        return Owner(ctx);
    }

    /// <summary>Reads, updates, deletes, searches, state, history and runs: the caller's threads only.</summary>
    [On("threads")]
    public static AuthResult OnThreads(AuthContext ctx, object value) => Owner(ctx);

    /// <summary>Store items live under the caller's identity: <c>[identity, …]</c>.</summary>
    [On("store")]
    public static bool OnStore(AuthContext ctx, object value) => value switch
    {
        StorePut v => StartsWithCaller(ctx, v.Namespace),
        StoreGet v => StartsWithCaller(ctx, v.Namespace),
        StoreDelete v => StartsWithCaller(ctx, v.Namespace),
        StoreSearch v => StartsWithCaller(ctx, v.Namespace),
        StoreListNamespaces v => StartsWithCaller(ctx, v.Namespace),
        _ => false,
    };

    private static AuthFilter Owner(AuthContext ctx) => new() { ["owner"] = ctx.User.Identity };

    private static bool StartsWithCaller(AuthContext ctx, IList<string> ns) => ns.Count > 0 && ns[0] == ctx.User.Identity;
}

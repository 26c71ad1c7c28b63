using System.Collections.Generic;
using System.Text.RegularExpressions;
using LangGraph.Sdk.Auth;

namespace LangGraph.Sdk.IntegrationTests.Gateway;

/// <summary>
/// The rules of tests/server/src/auth.ts, written in C#: the gateway runs these in front of the no-auth server, so the
/// same scenarios pass against both. Users: alice (<c>Bearer alice-token</c> / <c>x-api-key: key-alice</c>) and bob.
/// </summary>
public sealed partial class TestUsersAuth
{
    private static readonly Dictionary<string, (string Identity, string DisplayName)> UsersByToken = new()
    {
        ["alice-token"] = ("alice", "Alice"),
        ["bob-token"] = ("bob", "Bob"),
    };

    private static readonly Dictionary<string, (string Identity, string DisplayName)> UsersByApiKey = new()
    {
        ["key-alice"] = ("alice", "Alice"),
        ["key-bob"] = ("bob", "Bob"),
    };

    private static readonly Dictionary<string, string> WwwAuthenticate = new() { ["WWW-Authenticate"] = "Bearer" };

    /// <summary>Authorization wins when present and not blank; then x-api-key; else "Missing credentials".</summary>
    [Authenticate]
    public static MinimalUserDict Authenticate(IReadOnlyDictionary<string, string> headers)
    {
        var (identity, displayName) = ResolveUser(headers);
        var user = new MinimalUserDict(identity)
        {
            DisplayName = displayName,
            Permissions = { "threads:write", "threads:read" },
        };
        user["github_token"] = $"gh-{identity}";
        return user;
    }

    /// <summary>threads:create stamps the owner and returns the owner filter.</summary>
    [On("threads", "create")]
    public static AuthResult OnThreadCreate(AuthContext ctx, ThreadsCreate value)
    {
        value.Metadata["owner"] = ctx.User.Identity;
        return OwnerFilter(ctx);
    }

    /// <summary>threads:create_run stamps the owner and returns the owner filter.</summary>
    [On("threads", "create_run")]
    public static AuthResult OnCreateRun(AuthContext ctx, RunsCreate value)
    {
        value.Metadata["owner"] = ctx.User.Identity;
        return OwnerFilter(ctx);
    }

    /// <summary>Every other threads action: only the caller's threads.</summary>
    [On("threads")]
    public static AuthResult OnThreads(AuthContext ctx, object value) => OwnerFilter(ctx);

    /// <summary>The namespace (or prefix) must start with the caller's identity, else 403 "Not authorized".</summary>
    [On("store")]
    public static AuthResult? OnStore(AuthContext ctx, object value)
    {
        var ns = value switch
        {
            StorePut put => put.Namespace,
            StoreGet get => get.Namespace,
            StoreDelete delete => delete.Namespace,
            StoreSearch search => search.Namespace,
            StoreListNamespaces list => list.Namespace,
            _ => null,
        };
        if (ns is null || ns.Count == 0 || ns[0] != ctx.User.Identity)
        {
            throw new AuthHttpException(403, "Not authorized");
        }

        return null;
    }

    private static AuthFilter OwnerFilter(AuthContext ctx) => new() { ["owner"] = ctx.User.Identity };

    private static (string Identity, string DisplayName) ResolveUser(IReadOnlyDictionary<string, string> headers)
    {
        if (headers.TryGetValue("authorization", out var authorization) && !string.IsNullOrWhiteSpace(authorization))
        {
            var match = BearerPattern().Match(authorization.Trim());
            if (match.Success && UsersByToken.TryGetValue(match.Groups[1].Value.Trim(), out var user))
            {
                return user;
            }

            throw Unauthorized("Invalid token");
        }

        if (headers.TryGetValue("x-api-key", out var apiKey) && !string.IsNullOrWhiteSpace(apiKey))
        {
            return UsersByApiKey.TryGetValue(apiKey.Trim(), out var user) ? user : throw Unauthorized("Invalid token");
        }

        throw Unauthorized("Missing credentials");
    }

    private static AuthHttpException Unauthorized(string detail) => new(401, detail, WwwAuthenticate);

    [GeneratedRegex(@"^Bearer\s+(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerPattern();
}

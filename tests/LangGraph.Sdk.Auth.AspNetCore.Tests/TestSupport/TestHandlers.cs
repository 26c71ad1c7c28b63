using System.Collections.Generic;
using System.Linq;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;

/// <summary>
/// The handlers of tests/server/src/auth.ts in C#, as the seed writes them: <c>x-api-key</c> is the identity; resources
/// are stamped with an owner and filtered by it; store namespaces start with the caller's identity.
/// </summary>
public sealed class TestHandlers
{
    public const string Forbidden = "forbidden-user";

    [Authenticate]
    public MinimalUserDict Authenticate(IReadOnlyDictionary<string, string> headers)
    {
        if (!headers.TryGetValue("x-api-key", out var key) || string.IsNullOrEmpty(key))
        {
            throw new AuthHttpException(401, "Invalid API key", new Dictionary<string, string> { ["WWW-Authenticate"] = "ApiKey" });
        }

        return new MinimalUserDict(key) { Permissions = ["threads:write"] };
    }

    [On("threads", "create")]
    public AuthResult OnThreadCreate(AuthContext ctx, ThreadsCreate value)
    {
        if (ctx.User.Identity == Forbidden)
        {
            return AuthResult.Deny;
        }

        value.Metadata["owner"] = ctx.User.Identity;
        return new AuthFilter { ["owner"] = ctx.User.Identity };
    }

    [On("threads", "create_run")]
    public AuthResult OnRun(AuthContext ctx, RunsCreate value)
    {
        value.Metadata["owner"] = ctx.User.Identity;
        return new AuthFilter { ["owner"] = ctx.User.Identity };
    }

    [On("threads")]
    public AuthResult OnThreads(AuthContext ctx, object value) => new AuthFilter { ["owner"] = ctx.User.Identity };

    [On("assistants")]
    public AuthResult OnAssistants(AuthContext ctx, object value) => new AuthFilter { ["owner"] = ctx.User.Identity };

    [On("store")]
    public AuthResult OnStore(AuthContext ctx, object value)
    {
        switch (value)
        {
            case StorePut put:
                put.Namespace = Own(ctx, put.Namespace);
                break;
            case StoreGet get:
                get.Namespace = Own(ctx, get.Namespace);
                break;
            case StoreSearch search:
                search.Namespace = Own(ctx, search.Namespace);
                break;
        }

        return new AuthFilter { ["namespace"] = FilterCondition.Contains(ctx.User.Identity) };
    }

    private static List<string> Own(AuthContext ctx, IList<string> ns) =>
        ns.Count > 0 && ns[0] == ctx.User.Identity ? [.. ns] : [ctx.User.Identity, .. ns];
}

// What the snippets of the docs take for granted: the variables and helpers a reader already has in scope ("client",
// "threadId", "cancellationToken", …) and the application types they name (MyState, ChatRequest, …). Every snippet sees
// these through `global using static Docs.Ambient;` and `global using Docs;`. A snippet's own declarations win.
#pragma warning disable CA1707, CA1711, CA1716, CA1720, CA2211, IDE1006 // names as the docs spell them
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LangGraph.Sdk;
using LangGraph.Sdk.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Docs;

/// <summary>The variables the snippets use without declaring them. Never run: the snippets are only compiled.</summary>
public static class Ambient
{
    public static LangGraphClient client = null!;
    public static LangGraphClientOptions options = null!;
    public static HttpClient httpClient = null!;
    public static CancellationToken cancellationToken;
    public static string token = "", apiKey = "", userToken = "", threadId = "", aliceThreadId = "", cronId = "";
    public static string userId = "", noteId = "";
    public static Dictionary<string, object?> input = [], note = [];
    public static CurrentUser currentUser = null!;

    public static RemoteGraph graph = null!, echo = null!;
    public static RunConfig conversation = null!, thread = null!;
    public static StreamPart part;

    public static WebApplicationBuilder builder = null!;
    public static WebApplication app = null!;
    public static HttpContext httpContext = null!;
    public static ILogger logger = null!;
    public static ILoggerFactory loggerFactory = null!;

    public static Auth auth = null!;
    public static IServiceProvider serviceProvider = null!;
    public static IApiKeyValidator keys = null!;
    public static IUserTokenStore tokens = null!;
    public static AuthOutcome outcome;
    public static IDictionary<string, JsonNode?> runConfigurable = null!;
    public static string httpMethod = "", pathAndQuery = "", method = "", target = "";
    public static IReadOnlyDictionary<string, string> headers = null!;
    public static JsonElement? jsonBody, body;
    public static IAssistantCache cache = null!;
    public static IThreadStore store = null!;

    public static void Handle(StreamPart part) => throw new NotSupportedException(part.Event);

    public static Dictionary<string, object?> Input(ChatRequest request) => new() { ["messages"] = new[] { request.Message } };

    public static RunConfig ThreadConfig(ChatRequest request) => new() { Configurable = { ["thread_id"] = request.ThreadId } };

    public static Task<bool> CanCreateAsync(AuthContext context, CancellationToken cancellationToken) => Task.FromResult(context.Permissions.Count > 0);
}

public sealed record CurrentUser(string Token);

public sealed record ChatRequest(string ThreadId, string Message);

public sealed record MyState(string[] Messages);

public sealed record Stats(int Runs);

public sealed record UserTokens(string GitHubToken, string JiraToken);

public interface IApiKeyValidator
{
    bool IsValid(string apiKey);
}

public interface IUserTokenStore
{
    Task<UserTokens> FetchAsync(string apiKey, CancellationToken cancellationToken);
}

public interface IAssistantCache
{
    ValueTask<string?> GetAssistantUuidAsync(string graphOrId, CancellationToken cancellationToken);
}

public interface IThreadStore
{
    ValueTask<JsonObject?> GetThreadMetadataAsync(string threadId, CancellationToken cancellationToken);
}

/// <summary>The handlers class the docs build from (the one of docs/auth.md, shortened).</summary>
public sealed class MyAuth(IApiKeyValidator keys, IUserTokenStore tokens)
{
    [Authenticate]
    public async Task<MinimalUserDict> AuthenticateAsync(IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        if (!headers.TryGetValue("x-api-key", out var apiKey) || !keys.IsValid(apiKey))
        {
            throw new AuthHttpException(401, "Invalid API key");
        }

        var userTokens = await tokens.FetchAsync(apiKey, cancellationToken).ConfigureAwait(false);
        return new MinimalUserDict(apiKey) { ["github_token"] = userTokens.GitHubToken };
    }
}

[JsonSerializable(typeof(MyState))]
[JsonSerializable(typeof(Stats))]
public sealed partial class MyJsonContext : JsonSerializerContext;

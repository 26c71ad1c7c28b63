using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using LangGraph.Sdk;
using LangGraph.Sdk.Auth;
using LangGraph.Sdk.Auth.AspNetCore;
using LangGraph.Sdk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The Quickstart's second half: the same two users and rules, but the custom auth is C# (LangGraph.Sdk.Auth handlers)
/// running in the gateway of LangGraph.Sdk.Auth.AspNetCore, in front of a LangGraph server that has no auth at all.
/// </summary>
internal static class GatewayDemo
{
    /// <summary>The bundled server's auth.ts rules, written in C#: tokens to users, owner stamping, owner filters.</summary>
    public static Auth Rules() => new Auth()
        .Authenticate(request => request.Authorization switch
        {
            "Bearer alice-token" => User("alice", "Alice"),
            "Bearer bob-token" => User("bob", "Bob"),
            null or "" => throw new AuthHttpException(401, "Missing credentials", Challenge),
            _ => throw new AuthHttpException(401, "Invalid token", Challenge),
        })
        .On<ThreadsCreate>("threads", "create", (ctx, value) =>
        {
            value.Metadata["owner"] = ctx.User.Identity;
            return new AuthFilter { ["owner"] = ctx.User.Identity };
        })
        .On<RunsCreate>("threads", "create_run", (ctx, value) =>
        {
            value.Metadata["owner"] = ctx.User.Identity;
            return new AuthFilter { ["owner"] = ctx.User.Identity };
        })
        .On<object>("threads", (ctx, _) => new AuthFilter { ["owner"] = ctx.User.Identity });

    private static readonly Dictionary<string, string> Challenge = new() { ["WWW-Authenticate"] = "Bearer" };

    /// <summary>Starts a no-auth server and the gateway, and shows alice and bob through it. True when all went as expected.</summary>
    public static async Task<bool> RunAsync()
    {
        Console.WriteLine("Part 2: the same custom auth written in C#, in a gateway in front of a LangGraph server without auth.");
        await using var upstream = await LangGraphDevServer.StartAsync(new LangGraphDevServerOptions
        {
            ConfigFile = LangGraphDevServerOptions.NoAuthConfig,
            Log = line => Console.WriteLine("  " + line),
        });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLangGraphAuth(Rules()).AddGateway(o => o.Upstream = upstream.Url);
        await using var gateway = builder.Build();
        gateway.MapLangGraphAuthGateway();
        await gateway.StartAsync();
        var url = new Uri(gateway.Urls.First());
        Console.WriteLine($"Server without auth: {upstream.Url}   C# auth gateway: {url}");

        using var alice = Client(url, "alice-token");
        using var bob = Client(url, "bob-token");
        using var nobody = Client(url, token: null);
        var thread = await alice.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["topic"] = "billing" } });
        Console.WriteLine($"alice creates {thread.ThreadId}  owner={thread.Metadata["owner"]} (stamped by the C# handler)");

        var bobDenied = await StatusOfAsync(() => bob.Threads.GetAsync(thread.ThreadId));
        var nobodyDenied = await StatusOfAsync(() => nobody.Threads.SearchAsync());
        Console.WriteLine($"bob reads alice's thread -> {bobDenied}; no token -> {nobodyDenied}");

        var state = await alice.Runs.WaitAsync(thread.ThreadId, "echo", new RunCreateOptions
        {
            Input = new Dictionary<string, object?> { ["messages"] = new[] { "hello through the gateway" } },
        });
        var user = state.GetProperty("auth_user");
        Console.WriteLine($"alice's run: the graph saw langgraph_auth_user {user.GetRawText()}");
        await gateway.StopAsync();

        return thread.Metadata["owner"].GetString() == "alice" && bobDenied.StartsWith("404", StringComparison.Ordinal)
            && nobodyDenied.StartsWith("401", StringComparison.Ordinal) && user.GetProperty("identity").GetString() == "alice";
    }

    private static MinimalUserDict User(string identity, string displayName)
    {
        var user = new MinimalUserDict(identity) { DisplayName = displayName, Permissions = { "threads:write", "threads:read" } };
        user["github_token"] = $"gh-{identity}";
        return user;
    }

    private static LangGraphClient Client(Uri url, string? token)
    {
        var options = new LangGraphClientOptions { ApiUrl = url, ReadApiKeyFromEnvironment = false };
        if (token is not null)
        {
            options.DefaultHeaders["Authorization"] = $"Bearer {token}";
        }

        return new LangGraphClient(options);
    }

    private static async Task<string> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return "allowed";
        }
        catch (LangGraphApiException ex)
        {
            return $"{ex.StatusCode} {ex.Detail}";
        }
    }
}

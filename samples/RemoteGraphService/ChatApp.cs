using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LangGraph.Sdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RemoteGraphService;

/// <summary>
/// The service: <c>POST /chat</c> runs the remote graph (stateless, or on a conversation thread) and
/// <c>GET /chat/{threadId}</c> reads a conversation, each call made <b>as the caller</b>: their
/// <c>Authorization: Bearer …</c> header is sent to the LangGraph server, whose custom auth decides what they may see.
/// </summary>
public static class ChatApp
{
    /// <summary>The graph called when <c>LangGraph:Graph</c> is not configured.</summary>
    public const string DefaultGraph = "echo";

    /// <summary>Builds the app. <paramref name="configure"/> runs first (the self-test uses it for its settings).</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--urls</c>).</param>
    /// <param name="configure">Changes the builder before the services are registered.</param>
    /// <returns>The app, not started.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        // The deployment's URL: LangGraph:ApiUrl (appsettings, LangGraph__ApiUrl, --LangGraph:ApiUrl=…) or LANGGRAPH_API_URL.
        var section = builder.Configuration.GetSection("LangGraph");
        var apiUrl = section["ApiUrl"] is { Length: > 0 } configured ? configured : builder.Configuration["LANGGRAPH_API_URL"];
        if (!Uri.TryCreate(apiUrl, UriKind.Absolute, out var apiUri))
        {
            throw new InvalidOperationException(
                "Set LangGraph:ApiUrl (or the LANGGRAPH_API_URL environment variable) to the LangGraph server's URL, " +
                "or run 'dotnet run --project samples/RemoteGraphService -- --self-test' to try the service against the bundled dev server.");
        }

        var graphId = section["Graph"] is { Length: > 0 } graph ? graph : DefaultGraph;

        // One LangGraphClient for the whole service, on IHttpClientFactory's pooled connections. It carries no user
        // credentials: each request's RemoteGraph adds the caller's Authorization header to its own calls.
        builder.Services.AddLangGraphClient(section, options => options.ApiUrl = apiUri);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<LangGraphExceptionHandler>();

        var app = builder.Build();
        app.UseExceptionHandler();

        // POST /chat {"message": "hi"}                      a stateless run: nothing is kept
        // POST /chat {"message": "hi", "threadId": "<id>"}  a run on that conversation, created on first use
        app.MapPost("/chat", async (ChatRequest request, HttpContext http, LangGraphClient client, CancellationToken cancellationToken) =>
        {
            if (CallerAuthorization(http) is not { } authorization)
            {
                return MissingToken(http);
            }

            if (string.IsNullOrWhiteSpace(request.Message))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["message"] = ["A message is required."] });
            }

            if (request.ThreadId is not null && !Guid.TryParse(request.ThreadId, out _))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["threadId"] = ["A thread id is a UUID."] });
            }

            using var remote = ForCaller(client, graphId, authorization);
            var config = request.ThreadId is null ? null : new RunConfig { Configurable = { ["thread_id"] = request.ThreadId } };
            var input = new Dictionary<string, object?> { ["messages"] = new[] { request.Message } };
            GraphOutput output = await remote.InvokeOutputAsync(input, config, cancellationToken: cancellationToken);
            return Results.Ok(new ChatResponse(request.ThreadId, LastMessage(output.Value), output.Value, output.Interrupts));
        });

        // GET /chat/{threadId}: the conversation's current state, if the caller may read it (404 otherwise).
        app.MapGet("/chat/{threadId}", async (string threadId, HttpContext http, LangGraphClient client, CancellationToken cancellationToken) =>
        {
            if (CallerAuthorization(http) is not { } authorization)
            {
                return MissingToken(http);
            }

            if (!Guid.TryParse(threadId, out _))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["threadId"] = ["A thread id is a UUID."] });
            }

            using var remote = ForCaller(client, graphId, authorization);
            StateSnapshot state = await remote.GetStateAsync(new RunConfig { Configurable = { ["thread_id"] = threadId } }, cancellationToken: cancellationToken);
            return Results.Ok(new ConversationResponse(threadId, state.Values, state.Next, state.Interrupts, state.CreatedAt));
        });

        return app;
    }

    /// <summary>
    /// The remote graph as seen by one caller: the shared client, plus their Authorization header on every call this
    /// graph makes. Cheap to create per request; disposing it leaves the shared client alone.
    /// </summary>
    private static RemoteGraph ForCaller(LangGraphClient client, string graphId, string authorization) =>
        new(graphId, client, new RemoteGraphOptions { Headers = { ["Authorization"] = authorization } });

    /// <summary>The caller's <c>Authorization</c> header when it is a Bearer token, else null.</summary>
    private static string? CallerAuthorization(HttpContext http)
    {
        var value = http.Request.Headers.Authorization.ToString();
        return value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && value.Length > "Bearer ".Length ? value : null;
    }

    private static IResult MissingToken(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Send 'Authorization: Bearer <token>'.");
    }

    /// <summary>The last entry of <c>messages</c> when it is a string (the echo graph's reply), else null.</summary>
    private static string? LastMessage(JsonElement state) =>
        state.ValueKind == JsonValueKind.Object
        && state.TryGetProperty("messages", out var messages)
        && messages.ValueKind == JsonValueKind.Array
        && messages.GetArrayLength() > 0
        && messages[messages.GetArrayLength() - 1] is { ValueKind: JsonValueKind.String } last
            ? last.GetString()
            : null;
}

/// <summary>The body of <c>POST /chat</c>.</summary>
/// <param name="Message">The user's message.</param>
/// <param name="ThreadId">The conversation (a UUID the caller picks; the thread is created on first use), or null for a stateless run.</param>
public sealed record ChatRequest(string? Message, string? ThreadId);

/// <summary>The answer of <c>POST /chat</c>.</summary>
/// <param name="ThreadId">The conversation, or null for a stateless run.</param>
/// <param name="Reply">The last message of the graph's state, when it is a string.</param>
/// <param name="State">The graph's final state.</param>
/// <param name="Interrupts">What the graph is waiting for, when it stopped at an interrupt.</param>
public sealed record ChatResponse(string? ThreadId, string? Reply, JsonElement State, IReadOnlyList<Interrupt> Interrupts);

/// <summary>The answer of <c>GET /chat/{threadId}</c>.</summary>
/// <param name="ThreadId">The conversation.</param>
/// <param name="Values">The thread's state values.</param>
/// <param name="Next">The nodes that run next; empty when the graph has finished.</param>
/// <param name="Interrupts">The interrupts pending on the thread.</param>
/// <param name="UpdatedAt">When the latest checkpoint was written.</param>
public sealed record ConversationResponse(string ThreadId, JsonElement Values, IReadOnlyList<string> Next, IReadOnlyList<Interrupt> Interrupts, DateTimeOffset? UpdatedAt);

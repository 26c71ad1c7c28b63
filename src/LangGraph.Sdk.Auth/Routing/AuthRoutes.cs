using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using LangGraph.Sdk.Auth.Handlers;
using LangGraph.Sdk.Auth.Routing;

namespace LangGraph.Sdk.Auth;

/// <summary>
/// The route table of the LangGraph API (the routes of the JS dev server 1.5.1, plus the few the Python server adds):
/// for each method and path, the resource, action and ids of the auth event that guards it, so a host can ask
/// "which handler guards this request?" with <see cref="Classify"/>.
/// </summary>
/// <remarks>
/// Matching is deliberately lenient (literal segments compared case-insensitively, empty segments and a trailing slash
/// ignored, <c>HEAD</c> treated as <c>GET</c>) so that no request a host routes to a LangGraph endpoint escapes its
/// handler. The exemptions are strict: exactly <c>/info</c>, and <c>GET /ui</c> or <c>GET /ui/…</c>.
/// </remarks>
public static class AuthRoutes
{
    private const int MaxSegments = 8;
    private const string NotServedByJs = "Not served by the JS dev server 1.5.1 (404 there); the Python server has it.";

    private static readonly AuthRoute InfoRoute;
    private static readonly AuthRoute UiAssetRoute;
    private static readonly Dictionary<(string Method, int Count), AuthRoute[]> Buckets;

    static AuthRoutes()
    {
        var routes = new List<AuthRoute>();

        void Open(string method, string template, AuthRouteKind kind, string? note = null) =>
            routes.Add(new AuthRoute(method, template, null, null, kind, note, null));

        void Guarded(string method, string template, string resource, string action, ValueFactory factory, string? note = null) =>
            routes.Add(new AuthRoute(method, template, resource, action, AuthRouteKind.Authorized, note, factory));

        const string T = AuthResources.Threads;
        const string A = AuthResources.Assistants;
        const string C = AuthResources.Crons;
        const string S = AuthResources.Store;

        // meta
        Open("GET", "/info", AuthRouteKind.Exempt);
        Open("GET", "/ok", AuthRouteKind.AuthenticatedOnly);
        Open("POST", "/internal/truncate", AuthRouteKind.AuthenticatedOnly);

        // assistants
        Guarded("POST", "/assistants", A, AuthActions.Create, AssistantCreate);
        Guarded("POST", "/assistants/search", A, AuthActions.Search, AssistantSearch);
        Guarded("POST", "/assistants/count", A, AuthActions.Search, AssistantSearch);
        Guarded("GET", "/assistants/{assistant_id}", A, AuthActions.Read, AssistantRead);
        Guarded("PATCH", "/assistants/{assistant_id}", A, AuthActions.Update, AssistantUpdate);
        Guarded("DELETE", "/assistants/{assistant_id}", A, AuthActions.Delete, AssistantDelete);
        Guarded("GET", "/assistants/{assistant_id}/graph", A, AuthActions.Read, AssistantRead);
        Guarded("GET", "/assistants/{assistant_id}/schemas", A, AuthActions.Read, AssistantRead);
        Guarded("GET", "/assistants/{assistant_id}/subgraphs", A, AuthActions.Read, AssistantRead);
        Guarded("GET", "/assistants/{assistant_id}/subgraphs/{namespace}", A, AuthActions.Read, AssistantRead);
        Guarded("POST", "/assistants/{assistant_id}/latest", A, AuthActions.Update, AssistantSetLatest);
        Guarded("POST", "/assistants/{assistant_id}/versions", A, AuthActions.Read, AssistantVersions);

        // threads
        Guarded("POST", "/threads", T, AuthActions.Create, ThreadCreate);
        Guarded("POST", "/threads/search", T, AuthActions.Search, ThreadSearch);
        Guarded("POST", "/threads/count", T, AuthActions.Search, ThreadSearch);
        Guarded("GET", "/threads/{thread_id}", T, AuthActions.Read, ThreadRead);
        Guarded("PATCH", "/threads/{thread_id}", T, AuthActions.Update, ThreadUpdate);
        Guarded("DELETE", "/threads/{thread_id}", T, AuthActions.Delete, ThreadDelete);
        Guarded("POST", "/threads/{thread_id}/copy", T, AuthActions.Read, ThreadRead,
            "The JS server then checks threads:create for the copy, with a value it builds from the stored thread.");
        Guarded("GET", "/threads/{thread_id}/state", T, AuthActions.Read, ThreadRead);
        Guarded("POST", "/threads/{thread_id}/state", T, AuthActions.Update, ThreadStateUpdate,
            "The JS server then reads the thread, which checks threads:read as well.");
        Guarded("GET", "/threads/{thread_id}/state/{checkpoint_id}", T, AuthActions.Read, ThreadRead);
        Guarded("POST", "/threads/{thread_id}/state/checkpoint", T, AuthActions.Read, ThreadRead);
        Guarded("GET", "/threads/{thread_id}/history", T, AuthActions.Read, ThreadRead);
        Guarded("POST", "/threads/{thread_id}/history", T, AuthActions.Read, ThreadRead);

        // runs (authorised through their thread)
        Guarded("POST", "/runs", T, AuthActions.CreateRun, RunCreate);
        Guarded("POST", "/runs/stream", T, AuthActions.CreateRun, RunCreate);
        Guarded("POST", "/runs/wait", T, AuthActions.CreateRun, RunCreate);
        Guarded("POST", "/runs/batch", T, AuthActions.CreateRun, RunBatch,
            "The body is a list of runs: the handler runs once per run, and the first denial wins.");
        Guarded("GET", "/runs/{run_id}/stream", T, AuthActions.Read, ThreadRead);
        Guarded("GET", "/threads/{thread_id}/runs", T, AuthActions.Search, RunList);
        Guarded("POST", "/threads/{thread_id}/runs", T, AuthActions.CreateRun, RunCreate);
        Guarded("POST", "/threads/{thread_id}/runs/stream", T, AuthActions.CreateRun, RunCreate);
        Guarded("POST", "/threads/{thread_id}/runs/wait", T, AuthActions.CreateRun, RunCreate);
        Guarded("GET", "/threads/{thread_id}/runs/{run_id}", T, AuthActions.Read, ThreadRead);
        Guarded("DELETE", "/threads/{thread_id}/runs/{run_id}", T, AuthActions.Delete, ThreadDelete);
        Guarded("GET", "/threads/{thread_id}/runs/{run_id}/join", T, AuthActions.Read, ThreadRead);
        Guarded("GET", "/threads/{thread_id}/runs/{run_id}/stream", T, AuthActions.Read, ThreadRead);
        Guarded("POST", "/threads/{thread_id}/runs/{run_id}/cancel", T, AuthActions.Update, RunCancel);

        // crons (500 stubs on the JS dev server; the Python server runs these events)
        Guarded("POST", "/runs/crons", C, AuthActions.Create, CronCreate);
        Guarded("POST", "/runs/crons/search", C, AuthActions.Search, CronSearch);
        Guarded("DELETE", "/runs/crons/{cron_id}", C, AuthActions.Delete, CronDelete);
        Guarded("POST", "/threads/{thread_id}/runs/crons", C, AuthActions.Create, CronCreate);

        // store
        Guarded("PUT", "/store/items", S, AuthActions.Put, StoreItemPut);
        Guarded("GET", "/store/items", S, AuthActions.Get, StoreItemGet);
        Guarded("DELETE", "/store/items", S, AuthActions.Delete, StoreItemDelete);
        Guarded("POST", "/store/items/search", S, AuthActions.Search, StoreItemSearch);
        Guarded("POST", "/store/namespaces", S, AuthActions.ListNamespaces, StoreNamespaces);

        // protocol v2
        Guarded("POST", "/threads/{thread_id}/commands", T, AuthActions.Read, ProtocolCommand,
            "threads:create_run when the command's method is run.start or input.respond, else threads:read.");
        Guarded("POST", "/threads/{thread_id}/stream/events", T, AuthActions.Read, ThreadRead);
        Guarded("GET", "/threads/{thread_id}/stream/events", T, AuthActions.Read, ThreadRead);

        // generative UI
        Open("POST", "/ui/{agent}", AuthRouteKind.AuthenticatedOnly);
        Open("GET", "/ui/{agent}/{file}", AuthRouteKind.Exempt);

        // served by the Python server, absent (404) on the JS dev server
        Guarded("POST", "/threads/prune", T, AuthActions.Delete, ThreadPrune, NotServedByJs);
        Guarded("PATCH", "/threads/{thread_id}/state", T, AuthActions.Update, ThreadStateUpdate, NotServedByJs);
        Guarded("GET", "/threads/{thread_id}/stream", T, AuthActions.Read, ThreadRead, NotServedByJs);
        Guarded("POST", "/runs/cancel", T, AuthActions.Update, RunCancelMany, NotServedByJs);
        Guarded("PATCH", "/runs/crons/{cron_id}", C, AuthActions.Update, CronUpdate, NotServedByJs);
        Guarded("POST", "/runs/crons/count", C, AuthActions.Search, CronSearch, NotServedByJs);

        All = routes.AsReadOnly();
        InfoRoute = routes[0];
        UiAssetRoute = routes.Single(r => r.Template == "/ui/{agent}/{file}");
        Buckets = routes
            .GroupBy(r => (r.Method, r.Segments.Length))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Segments.Count(s => s[0] != '{')).ToArray());
    }

    /// <summary>Gets every route, with the event that guards it.</summary>
    public static IReadOnlyList<AuthRoute> All { get; }

    /// <summary>Finds the route a request matches, and the ids in its path.</summary>
    /// <param name="method">The HTTP method (any case).</param>
    /// <param name="path">The path relative to the API root, without the query string.</param>
    /// <returns>The match; <see cref="AuthRouteMatch.Route"/> is null when no route matches.</returns>
    public static AuthRouteMatch Classify(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var isGet = method.Equals("GET", StringComparison.OrdinalIgnoreCase) || method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);

        // Exemptions, as strict as the JS middleware: exactly "/info" (any method), and GET "/ui" assets.
        if (path == "/info")
        {
            return new(isGet ? InfoRoute : null, AuthRouteKind.Exempt, null, null);
        }

        var isUi = path == "/ui" || path.StartsWith("/ui/", StringComparison.Ordinal);
        if (isGet && isUi)
        {
            var asset = Match(UiAssetRoute, path);
            return asset ?? new AuthRouteMatch(null, AuthRouteKind.Exempt, null, null);
        }

        var key = isGet ? "GET" : method.ToUpperInvariant();
        Span<Range> ranges = stackalloc Range[MaxSegments + 1];
        var count = path.AsSpan().Split(ranges, '/', StringSplitOptions.RemoveEmptyEntries);
        if (count > MaxSegments || !Buckets.TryGetValue((key, count), out var candidates))
        {
            return default;
        }

        foreach (var route in candidates)
        {
            if (TryMatch(route, path, ranges[..count], out var first, out var second))
            {
                // An exempt route reached only through lenient matching ("/INFO", "/info/") is not exempt: it needs authentication.
                return new(route, route.Kind == AuthRouteKind.Exempt ? AuthRouteKind.AuthenticatedOnly : route.Kind, first, second);
            }
        }

        return default;
    }

    private static AuthRouteMatch? Match(AuthRoute route, string path)
    {
        Span<Range> ranges = stackalloc Range[MaxSegments + 1];
        var count = path.AsSpan().Split(ranges, '/', StringSplitOptions.RemoveEmptyEntries);
        return count == route.Segments.Length && TryMatch(route, path, ranges[..count], out var first, out var second)
            ? new AuthRouteMatch(route, route.Kind, first, second)
            : null;
    }

    private static bool TryMatch(AuthRoute route, string path, ReadOnlySpan<Range> ranges, out string? first, out string? second)
    {
        first = null;
        second = null;
        for (var i = 0; i < ranges.Length; i++)
        {
            var segment = route.Segments[i];
            if (segment[0] != '{' && !path.AsSpan(ranges[i]).Equals(segment, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        for (var i = 0; i < ranges.Length; i++)
        {
            if (route.Segments[i][0] == '{')
            {
                if (first is null)
                {
                    first = path[ranges[i]];
                }
                else
                {
                    second = path[ranges[i]];
                }
            }
        }

        return true;
    }

    // ---- value factories: what the server passes to the handler for each route ----

    private static object AssistantCreate(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new AssistantsCreate
        {
            AssistantId = body.String("assistant_id"),
            GraphId = body.String("graph_id"),
            Config = body.Object("config"),
            Context = body.Object("context"),
            Metadata = body.Metadata(),
            IfExists = body.String("if_exists") ?? "raise",
            Name = body.String("name"),
            Description = body.String("description"),
        };
    }

    private static object AssistantSearch(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new AssistantsSearch
        {
            GraphId = body.String("graph_id"),
            Metadata = body.Metadata(),
            Limit = body.Int("limit", 10),
            Offset = body.Int("offset", 0),
        };
    }

    private static object AssistantRead(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new AssistantsRead { AssistantId = match.AssistantId };

    private static object AssistantVersions(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new AssistantsRead { AssistantId = match.AssistantId, Metadata = new JsonBody(request.Body).Metadata() };

    private static object AssistantUpdate(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new AssistantsUpdate
        {
            AssistantId = match.AssistantId,
            GraphId = body.String("graph_id"),
            Config = body.Object("config"),
            Context = body.Object("context"),
            Metadata = body.Metadata(),
            Name = body.String("name"),
            Description = body.String("description"),
        };
    }

    private static object AssistantSetLatest(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new AssistantsUpdate { AssistantId = match.AssistantId, Version = new JsonBody(request.Body).NullableInt("version") };

    private static object AssistantDelete(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new AssistantsDelete { AssistantId = match.AssistantId };

    private static object ThreadCreate(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new ThreadsCreate
        {
            ThreadId = body.String("thread_id"),
            Metadata = body.Metadata(),
            IfExists = body.String("if_exists") ?? "raise",
            Ttl = ReadTtl(body),
        };
    }

    private static ThreadTtl? ReadTtl(JsonBody body)
    {
        if (!body.TryGet("ttl", out var ttl))
        {
            return null;
        }

        if (ttl.ValueKind == JsonValueKind.Number)
        {
            return new ThreadTtl { Strategy = "delete", Ttl = ttl.GetDouble() };
        }

        var inner = new JsonBody(ttl, ttl.ValueKind == JsonValueKind.Object);
        return ttl.ValueKind == JsonValueKind.Object ? new ThreadTtl { Strategy = inner.String("strategy") ?? "delete", Ttl = inner.Double("ttl") } : null;
    }

    private static object ThreadSearch(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new ThreadsSearch
        {
            Metadata = body.Metadata(),
            Values = body.Object("values"),
            Status = body.String("status"),
            Limit = body.Int("limit", 10),
            Offset = body.Int("offset", 0),
            Ids = body.StringList("ids"),
        };
    }

    private static object ThreadRead(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new ThreadsRead { ThreadId = match.ThreadId, RunId = match.RunId };

    private static object ThreadUpdate(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new ThreadsUpdate { ThreadId = match.ThreadId, Metadata = new JsonBody(request.Body).Metadata() };

    private static object ThreadStateUpdate(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new ThreadsUpdate { ThreadId = match.ThreadId };

    private static object ThreadDelete(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new ThreadsDelete { ThreadId = match.ThreadId, RunId = match.RunId };

    private static object ThreadPrune(AuthRequest request, AuthRouteMatch match, ref int action) => new ThreadsDelete();

    private static object RunCreate(AuthRequest request, AuthRouteMatch match, ref int action) =>
        RunFromBody(new JsonBody(request.Body), match.ThreadId);

    private static RunsCreate RunFromBody(JsonBody body, string? threadId) => new()
    {
        AssistantId = body.String("assistant_id"),
        ThreadId = threadId,
        Status = "pending",
        Metadata = body.Metadata(),
        PreventInsertIfInflight = body.Boolean("prevent_insert_if_inflight"),
        MultitaskStrategy = body.String("multitask_strategy") ?? "reject",
        IfNotExists = body.String("if_not_exists") ?? "reject",
        AfterSeconds = body.Double("after_seconds") ?? 0,
        Kwargs = body.Whole(),
    };

    private static object RunBatch(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        if (request.Body is not { ValueKind: JsonValueKind.Array } items)
        {
            return Array.Empty<RunsCreate>();
        }

        var runs = new List<RunsCreate>();
        foreach (var item in items.EnumerateArray())
        {
            runs.Add(RunFromBody(new JsonBody(item, item.ValueKind == JsonValueKind.Object), null));
        }

        return runs.ToArray();
    }

    private static object RunList(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var query = request.QueryParams;
        return new ThreadsSearch
        {
            ThreadId = match.ThreadId,
            Status = query.GetValueOrDefault("status"),
            Limit = int.TryParse(query.GetValueOrDefault("limit"), out var limit) ? limit : 10,
            Offset = int.TryParse(query.GetValueOrDefault("offset"), out var offset) ? offset : 0,
        };
    }

    private static object RunCancel(AuthRequest request, AuthRouteMatch match, ref int action) => new ThreadsUpdate
    {
        ThreadId = match.ThreadId,
        Action = request.QueryParams.GetValueOrDefault("action") ?? "interrupt",
        Metadata = new JsonObject { ["run_ids"] = new JsonArray(JsonValue.Create(match.RunId)), ["status"] = "pending" },
    };

    private static object RunCancelMany(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        var runIds = new JsonArray();
        foreach (var id in body.StringList("run_ids") ?? [])
        {
            runIds.Add((JsonNode?)JsonValue.Create(id));
        }

        return new ThreadsUpdate
        {
            ThreadId = body.String("thread_id"),
            Action = request.QueryParams.GetValueOrDefault("action") ?? "interrupt",
            Metadata = new JsonObject { ["run_ids"] = runIds, ["status"] = body.String("status") ?? "pending" },
        };
    }

    private static object CronCreate(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new CronsCreate
        {
            Payload = body.Whole(),
            Schedule = body.String("schedule"),
            ThreadId = match.ThreadId,
            UserId = body.String("user_id"),
            EndTime = body.DateTime("end_time"),
        };
    }

    private static object CronSearch(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new CronsSearch
        {
            AssistantId = body.String("assistant_id"),
            ThreadId = body.String("thread_id"),
            Limit = body.Int("limit", 10),
            Offset = body.Int("offset", 0),
        };
    }

    private static object CronUpdate(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new CronsUpdate { CronId = match.CronId, Payload = body.Whole(), Schedule = body.String("schedule") };
    }

    private static object CronDelete(AuthRequest request, AuthRouteMatch match, ref int action) =>
        new CronsDelete { CronId = match.CronId };

    private static object StoreItemPut(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new StorePut
        {
            Namespace = body.StringList("namespace"),
            Key = body.String("key"),
            Value = body.Object("value"),
            Index = body.Node("index"),
        };
    }

    private static object StoreItemGet(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var query = request.QueryParams;
        var ns = query.GetValueOrDefault("namespace");
        return new StoreGet
        {
            Namespace = string.IsNullOrEmpty(ns) ? [] : [.. ns.Split('.')],
            Key = query.GetValueOrDefault("key"),
        };
    }

    private static object StoreItemDelete(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new StoreDelete { Namespace = body.StringList("namespace"), Key = body.String("key") };
    }

    private static object StoreItemSearch(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new StoreSearch
        {
            Namespace = body.StringList("namespace_prefix"),
            Filter = body.Object("filter"),
            Limit = body.Int("limit", 10),
            Offset = body.Int("offset", 0),
            Query = body.String("query"),
        };
    }

    private static object StoreNamespaces(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        return new StoreListNamespaces
        {
            Namespace = body.StringList("prefix"),
            Suffix = body.StringList("suffix"),
            MaxDepth = body.NullableInt("max_depth"),
            Limit = body.Int("limit", 100),
            Offset = body.Int("offset", 0),
        };
    }

    private static object ProtocolCommand(AuthRequest request, AuthRouteMatch match, ref int action)
    {
        var body = new JsonBody(request.Body);
        if (body.String("method") is "run.start" or "input.respond")
        {
            action = AuthEvents.CreateRun;
            var parameters = body.TryGet("params", out var p) ? new JsonBody(p, p.ValueKind == JsonValueKind.Object) : default;
            return RunFromBody(parameters, match.ThreadId);
        }

        return new ThreadsRead { ThreadId = match.ThreadId };
    }
}

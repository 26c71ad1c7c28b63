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
/// Matching runs on the request target's canonical path (<see cref="AuthRouteMatch.CanonicalPath"/>), as strictly as the
/// server routes (literal segments case-sensitive, no empty segment, no trailing slash; <c>HEAD</c> treated as
/// <c>GET</c>), and a host forwards that canonical path, so the route classified is the route the server serves. The
/// exemptions are strict: exactly <c>/info</c>, and <c>GET /ui</c> or <c>GET /ui/…</c>.
/// </remarks>
public static class AuthRoutes
{
    private const int MaxSegments = 8;
    private const string RunStart = "run.start";
    private const string InputRespond = "input.respond";
    private const string ThreadsReadEvent = AuthResources.Threads + ":" + AuthActions.Read;
    private const string ProtocolStricter = "The server runs no event here; the engine checks threads:read (stricter), for each caller.";
    private const string NotServedByJs = "Not served by the JS dev server 1.5.1 (404 there); the Python server has it.";

    private static readonly AuthRoute InfoRoute;
    private static readonly AuthRoute UiAssetRoute;
    private static readonly Dictionary<(string Method, int Count), AuthRoute[]> Buckets;

    static AuthRoutes()
    {
        var routes = new List<AuthRoute>();

        void Open(string method, string template, AuthRouteKind kind, string? note = null) =>
            routes.Add(new AuthRoute(method, template, null, null, kind, note, null));

        void Guarded(string method, string template, string resource, string action, ValueFactory factory, string? note = null, FollowUp followUp = FollowUp.None) =>
            routes.Add(new AuthRoute(method, template, resource, action, AuthRouteKind.Authorized, note, factory, followUp));

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
        Guarded("POST", "/threads", T, AuthActions.Create, ThreadCreate,
            "With supersteps, the server then checks threads:update and threads:read of the new thread.", FollowUp.Supersteps);
        Guarded("POST", "/threads/search", T, AuthActions.Search, ThreadSearch);
        Guarded("POST", "/threads/count", T, AuthActions.Search, ThreadSearch);
        Guarded("GET", "/threads/{thread_id}", T, AuthActions.Read, ThreadRead);
        Guarded("PATCH", "/threads/{thread_id}", T, AuthActions.Update, ThreadUpdate);
        Guarded("DELETE", "/threads/{thread_id}", T, AuthActions.Delete, ThreadDelete);
        Guarded("POST", "/threads/{thread_id}/copy", T, AuthActions.Read, ThreadRead,
            "The server then checks threads:create for the copy, with a value it builds from the stored thread (AuthRequest.ThreadMetadataLoader).",
            FollowUp.Copy);
        Guarded("GET", "/threads/{thread_id}/state", T, AuthActions.Read, ThreadRead);
        Guarded("POST", "/threads/{thread_id}/state", T, AuthActions.Update, ThreadStateUpdate,
            "The server then reads the thread, which checks threads:read as well.", FollowUp.Read);
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
        Guarded("GET", "/threads/{thread_id}/runs", T, AuthActions.Search, RunList,
            "The server then reads the thread, which checks threads:read as well.", FollowUp.Read);
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
            "By the command's method: run.start threads:create_run; input.respond threads:read then threads:create_run; " +
            "state.get, subscription.subscribe and any other threads:read (the server runs none for the last two: stricter).",
            FollowUp.CommandRun);
        Guarded("POST", "/threads/{thread_id}/stream/events", T, AuthActions.Read, ThreadRead, ProtocolStricter);
        Guarded("GET", "/threads/{thread_id}/stream/events", T, AuthActions.Read, ThreadRead, ProtocolStricter);

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

    /// <summary>
    /// Finds the route a request matches, and the ids in its path, on the request target's canonical path (see
    /// <see cref="AuthRouteMatch.CanonicalPath"/>), or refuses a target that has none.
    /// </summary>
    /// <param name="method">The HTTP method (any case; <c>HEAD</c> is matched as <c>GET</c>).</param>
    /// <param name="path">
    /// The path relative to the API root: a raw request target (percent-encoded, absolute-form, with a query string or a
    /// fragment, which are ignored) or a path as a host already decoded it (ASP.NET Core's <c>Request.Path</c>).
    /// </param>
    /// <returns>
    /// The match; <see cref="AuthRouteMatch.Route"/> is null when the canonical path matches no route
    /// (<see cref="AuthRouteKind.Unknown"/>) or when the target is refused (<see cref="AuthRouteKind.Refused"/>).
    /// </returns>
    /// <remarks>
    /// The canonical path: absolute-form, query and fragment removed; each segment percent-decoded once (an encoded slash
    /// <c>%2F</c>, a malformed escape, non-UTF-8 bytes, a control character or a backslash is refused with 400); dot
    /// segments (also encoded ones, <c>%2e</c>) resolved; an empty segment (<c>//</c>, a trailing slash) refused with 404;
    /// each segment re-encoded so that the server decodes it back to the same segments. Literal segments are then matched
    /// case-sensitively, as the server does (<c>/Threads</c> is <see cref="AuthRouteKind.Unknown"/>, the server answers 404).
    /// A host must forward exactly <see cref="AuthRouteMatch.CanonicalPath"/>.
    /// </remarks>
    public static AuthRouteMatch Classify(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (!CanonicalPath.TryCreate(path, out var canonical, out var refusal))
        {
            return new AuthRouteMatch(refusal!);
        }

        var isGet = method.Equals("GET", StringComparison.OrdinalIgnoreCase) || method.Equals("HEAD", StringComparison.OrdinalIgnoreCase);

        // Exemptions, on the canonical path as the JS middleware checks the decoded one: exactly "/info" (any method),
        // and GET "/ui" assets ("/uix", which the server also exempts, is not: stricter).
        if (canonical == "/info")
        {
            return new(isGet ? InfoRoute : null, AuthRouteKind.Exempt, null, null, canonical);
        }

        var isUi = canonical == "/ui" || canonical.StartsWith("/ui/", StringComparison.Ordinal);
        if (isGet && isUi)
        {
            var asset = Match(UiAssetRoute, canonical);
            return asset ?? new AuthRouteMatch(null, AuthRouteKind.Exempt, null, null, canonical);
        }

        var key = isGet ? "GET" : method.ToUpperInvariant();
        Span<Range> ranges = stackalloc Range[MaxSegments + 1];
        var count = canonical.Length == 1 ? 0 : canonical.AsSpan(1).Split(ranges, '/');
        if (count > MaxSegments || !Buckets.TryGetValue((key, count), out var candidates))
        {
            return Unknown(canonical);
        }

        foreach (var route in candidates)
        {
            if (TryMatch(route, canonical, ranges[..count], out var first, out var second))
            {
                return new(route, route.Kind, first, second, canonical);
            }
        }

        return Unknown(canonical);
    }

    /// <summary>
    /// Gets the id of the assistant the server creates for a graph: the UUID v5 of the graph id in the namespace
    /// <c>6ba7b821-9dad-11d1-80b4-00c04fd430c8</c>. The server resolves a registered graph id to this id before its handlers
    /// run; an <see cref="AuthRequest.AssistantIdResolver"/> may use it for the graph ids it knows.
    /// </summary>
    /// <param name="graphId">The graph id, for example <c>"agent"</c>.</param>
    /// <returns>The assistant id, a lower-case UUID string.</returns>
    public static string SystemAssistantId(string graphId)
    {
        ArgumentNullException.ThrowIfNull(graphId);
        return Routing.UuidV5.Create(GraphNamespace, graphId);
    }

    private static readonly byte[] GraphNamespace = Convert.FromHexString("6ba7b8219dad11d180b400c04fd430c8");

    private static AuthRouteMatch Unknown(string canonical) => new(null, AuthRouteKind.Unknown, null, null, canonical);

    private static AuthRouteMatch? Match(AuthRoute route, string path)
    {
        Span<Range> ranges = stackalloc Range[MaxSegments + 1];
        var count = path.AsSpan(1).Split(ranges, '/');
        return count == route.Segments.Length && TryMatch(route, path, ranges[..count], out var first, out var second)
            ? new AuthRouteMatch(route, route.Kind, first, second, path)
            : null;
    }

    private static bool TryMatch(AuthRoute route, string path, ReadOnlySpan<Range> ranges, out string? first, out string? second)
    {
        first = null;
        second = null;
        var rest = path.AsSpan(1);
        for (var i = 0; i < ranges.Length; i++)
        {
            var segment = route.Segments[i];
            if (segment[0] != '{' && !rest[ranges[i]].SequenceEqual(segment))
            {
                return false;
            }
        }

        for (var i = 0; i < ranges.Length; i++)
        {
            if (route.Segments[i][0] == '{')
            {
                var value = Routing.CanonicalPath.DecodeSegment(path.Substring(ranges[i].Start.Value + 1, ranges[i].End.Value - ranges[i].Start.Value));
                if (first is null)
                {
                    first = value;
                }
                else
                {
                    second = value;
                }
            }
        }

        return true;
    }

    // ---- value factories: what the server passes to the handler for each route ----

    private static object AssistantCreate(AuthRequest request, AuthRouteMatch match)
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

    private static object AssistantSearch(AuthRequest request, AuthRouteMatch match)
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

    private static object AssistantRead(AuthRequest request, AuthRouteMatch match) =>
        new AssistantsRead { AssistantId = match.AssistantId };

    private static object AssistantVersions(AuthRequest request, AuthRouteMatch match) =>
        new AssistantsRead { AssistantId = match.AssistantId, Metadata = new JsonBody(request.Body).Metadata() };

    private static object AssistantUpdate(AuthRequest request, AuthRouteMatch match)
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

    private static object AssistantSetLatest(AuthRequest request, AuthRouteMatch match) =>
        new AssistantsUpdate { AssistantId = match.AssistantId, Version = new JsonBody(request.Body).NullableInt("version") };

    private static object AssistantDelete(AuthRequest request, AuthRouteMatch match) =>
        new AssistantsDelete { AssistantId = match.AssistantId };

    private static object ThreadCreate(AuthRequest request, AuthRouteMatch match)
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

    private static object ThreadSearch(AuthRequest request, AuthRouteMatch match)
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

    private static object ThreadRead(AuthRequest request, AuthRouteMatch match) =>
        new ThreadsRead { ThreadId = match.ThreadId, RunId = match.RunId };

    private static object ThreadUpdate(AuthRequest request, AuthRouteMatch match) =>
        new ThreadsUpdate { ThreadId = match.ThreadId, Metadata = new JsonBody(request.Body).Metadata() };

    private static object ThreadStateUpdate(AuthRequest request, AuthRouteMatch match) =>
        new ThreadsUpdate { ThreadId = match.ThreadId };

    private static object ThreadDelete(AuthRequest request, AuthRouteMatch match) =>
        new ThreadsDelete { ThreadId = match.ThreadId, RunId = match.RunId };

    private static object ThreadPrune(AuthRequest request, AuthRouteMatch match) => new ThreadsDelete();

    private static object RunCreate(AuthRequest request, AuthRouteMatch match) =>
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

    private static object RunBatch(AuthRequest request, AuthRouteMatch match)
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

    private static object RunList(AuthRequest request, AuthRouteMatch match)
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

    private static object RunCancel(AuthRequest request, AuthRouteMatch match) => new ThreadsUpdate
    {
        ThreadId = match.ThreadId,
        Action = request.QueryParams.GetValueOrDefault("action") ?? "interrupt",
        Metadata = new JsonObject { ["run_ids"] = new JsonArray(JsonValue.Create(match.RunId)), ["status"] = "pending" },
    };

    private static object RunCancelMany(AuthRequest request, AuthRouteMatch match)
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

    private static object CronCreate(AuthRequest request, AuthRouteMatch match)
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

    private static object CronSearch(AuthRequest request, AuthRouteMatch match)
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

    private static object CronUpdate(AuthRequest request, AuthRouteMatch match)
    {
        var body = new JsonBody(request.Body);
        return new CronsUpdate { CronId = match.CronId, Payload = body.Whole(), Schedule = body.String("schedule") };
    }

    private static object CronDelete(AuthRequest request, AuthRouteMatch match) =>
        new CronsDelete { CronId = match.CronId };

    private static object StoreItemPut(AuthRequest request, AuthRouteMatch match)
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

    private static object StoreItemGet(AuthRequest request, AuthRouteMatch match)
    {
        var query = request.QueryParams;
        var ns = query.GetValueOrDefault("namespace");
        return new StoreGet
        {
            Namespace = string.IsNullOrEmpty(ns) ? [] : [.. ns.Split('.')],
            Key = query.GetValueOrDefault("key"),
        };
    }

    private static object StoreItemDelete(AuthRequest request, AuthRouteMatch match)
    {
        var body = new JsonBody(request.Body);
        return new StoreDelete { Namespace = body.StringList("namespace"), Key = body.String("key") };
    }

    private static object StoreItemSearch(AuthRequest request, AuthRouteMatch match)
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

    private static object StoreNamespaces(AuthRequest request, AuthRouteMatch match)
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

    private static object ProtocolCommand(AuthRequest request, AuthRouteMatch match)
    {
        var body = new JsonBody(request.Body);
        if (body.String("method") == RunStart)
        {
            return CommandRun(body, match);
        }

        return new ThreadsRead { ThreadId = match.ThreadId };
    }

    /// <summary>The run a protocol command starts or resumes, from its <c>params</c>.</summary>
    internal static RunsCreate CommandRun(JsonBody body, AuthRouteMatch match)
    {
        var parameters = body.TryGet("params", out var p) ? new JsonBody(p, p.ValueKind == JsonValueKind.Object) : default;
        return RunFromBody(parameters, match.ThreadId);
    }

    /// <summary>The events the server runs after the route's first one, for this request's body.</summary>
    internal static FollowUp FollowUpOf(AuthRoute route, AuthRequest request) => route.FollowUp switch
    {
        FollowUp.Supersteps => new JsonBody(request.Body).TryGet("supersteps", out var steps) &&
            steps.ValueKind == JsonValueKind.Array && steps.GetArrayLength() > 0 ? FollowUp.Supersteps : FollowUp.None,
        FollowUp.CommandRun => new JsonBody(request.Body).String("method") == InputRespond ? FollowUp.CommandRun : FollowUp.None,
        var other => other,
    };

    /// <summary>A route's first event: the route's own, except for a protocol command, whose body chooses it (<c>run.start</c> → <c>threads:create_run</c>).</summary>
    internal static AuthEvent FirstEventOf(AuthRoute route, AuthRequest request) =>
        route.FollowUp == FollowUp.CommandRun && new JsonBody(request.Body).String("method") == RunStart
            ? AuthEvent.ThreadsCreateRun
            : route.FirstEvent!.Value;

    /// <summary>The events <see cref="Auth.HandleAsync"/> runs for a request, see <see cref="AuthRequest.Events"/>.</summary>
    internal static IReadOnlyList<string> PlanEvents(AuthRequest request)
    {
        var match = request.Route;
        if (match.Kind != AuthRouteKind.Authorized)
        {
            return [];
        }

        var route = match.Route!;
        var first = FirstEventOf(route, request).Name;
        return FollowUpOf(route, request) switch
        {
            FollowUp.Supersteps => [first, $"{AuthResources.Threads}:{AuthActions.Update}", ThreadsReadEvent],
            FollowUp.Read => [first, ThreadsReadEvent],
            FollowUp.Copy => [first, $"{AuthResources.Threads}:{AuthActions.Create}"],
            FollowUp.CommandRun => [first, $"{AuthResources.Threads}:{AuthActions.CreateRun}"],
            _ => [first],
        };
    }
}

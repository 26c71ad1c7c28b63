using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Engine;

/// <summary>One call per request: exemption, authentication, classification, one handler, the outcome.</summary>
public sealed class HandleAsyncTests
{
    private static readonly Dictionary<string, string> WwwAuthenticate = new() { ["WWW-Authenticate"] = "Bearer" };

    /// <summary>Tokens "alice" and "bob" are users; anything else is a 401 with WWW-Authenticate. Threads are owner-scoped.</summary>
    private sealed class OwnerAuth
    {
        public int AuthenticateCalls;

        [Authenticate]
        public MinimalUserDict Authenticate(string? authorization)
        {
            System.Threading.Interlocked.Increment(ref AuthenticateCalls);
            var token = authorization?.StartsWith("Bearer ", StringComparison.Ordinal) == true ? authorization[7..] : null;
            return token switch
            {
                "alice" or "bob" => new MinimalUserDict(token) { Permissions = ["threads:write"], ["github_token"] = $"gh-{token}" },
                "nobody" => null!,
                "crash" => throw new InvalidOperationException("token store down"),
                _ => throw new AuthHttpException(401, token is null ? "Missing credentials" : "Invalid token", WwwAuthenticate),
            };
        }

        [On("threads", "create")]
        public AuthResult OnCreate(AuthContext ctx, ThreadsCreate value)
        {
            value.Metadata["owner"] = ctx.User.Identity;
            return new AuthFilter { ["owner"] = ctx.User.Identity };
        }

        [On("threads")]
        public AuthResult OnThreads(AuthContext ctx, object value) =>
            ctx.Permissions.Contains("threads:write") ? new AuthFilter { ["owner"] = ctx.User.Identity } : false;

        [On("store")]
        public bool OnStore(AuthContext ctx, object value) => false;
    }

    [Theory]
    [InlineData("GET", "/info")]
    [InlineData("POST", "/info")]
    [InlineData("GET", "/ui/agent/entrypoint.js")]
    public async Task Exempt_routes_are_neither_authenticated_nor_authorized(string method, string path)
    {
        var handlers = new OwnerAuth();

        var outcome = await Auth.FromHandlers(handlers).HandleAsync(Requests.Make(method, path));

        outcome.IsAllowed.Should().BeTrue();
        outcome.User.Should().BeNull();
        outcome.Route.IsExempt.Should().BeTrue();
        outcome.Value.Should().BeNull();
        handlers.AuthenticateCalls.Should().Be(0);
    }

    [Theory]
    [InlineData("GET", "/ok")]
    [InlineData("POST", "/internal/truncate")]
    [InlineData("POST", "/ui/agent")]
    [InlineData("GET", "/my/custom/route")]
    public async Task Everything_else_needs_authentication_even_without_an_on_handler(string method, string path)
    {
        var auth = Auth.FromHandlers(new OwnerAuth());

        var anonymous = await auth.HandleAsync(Requests.Make(method, path));
        var alice = await auth.HandleAsync(Requests.Bearer(method, path, "alice"));

        anonymous.IsAllowed.Should().BeFalse();
        anonymous.Denial!.StatusCode.Should().Be(401);
        alice.IsAllowed.Should().BeTrue();
        alice.User!.Identity.Should().Be("alice");
        alice.Resource.Should().BeNull();
        alice.Value.Should().BeNull();
        alice.Filter.Should().BeNull();
    }

    [Fact]
    public async Task A_401_from_the_authenticate_handler_carries_its_status_detail_and_headers()
    {
        var auth = Auth.FromHandlers(new OwnerAuth());

        var missing = await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}"));
        var invalid = await auth.HandleAsync(Requests.Bearer("GET", $"/threads/{Requests.ThreadId}", "mallory"));

        missing.IsAllowed.Should().BeFalse();
        missing.User.Should().BeNull();
        missing.Permissions.Should().BeEmpty();
        missing.Denial!.StatusCode.Should().Be(401);
        missing.Denial.Detail.Should().Be("Missing credentials");
        missing.Denial.Headers.Should().Contain("WWW-Authenticate", "Bearer");
        invalid.Denial!.Message.Should().Be("401: Invalid token");
        invalid.Route.Resource.Should().Be("threads", "the route is still classified");
        invalid.ToString().Should().Be("Denied: 401: Invalid token");
    }

    [Fact]
    public async Task An_on_handler_that_returns_false_is_a_403_with_the_reason_phrase()
    {
        var outcome = await Auth.FromHandlers(new OwnerAuth()).HandleAsync(
            Requests.Bearer("PUT", "/store/items", "alice", """{"namespace":["alice"],"key":"k","value":{}}"""));

        outcome.IsAllowed.Should().BeFalse();
        outcome.Denial!.StatusCode.Should().Be(403);
        outcome.Denial.Detail.Should().Be("Forbidden");
        outcome.Denial.Headers.Should().BeEmpty();
        outcome.User!.Identity.Should().Be("alice", "the user is known even when the event is denied");
        outcome.Value.Should().BeNull();
    }

    [Fact]
    public async Task An_allowed_event_returns_the_user_the_value_as_the_handler_left_it_and_the_filter()
    {
        var outcome = await Auth.FromHandlers(new OwnerAuth()).HandleAsync(
            Requests.Bearer("POST", "/threads", "alice", """{"metadata":{"owner":"mallory","topic":"billing"}}"""));

        outcome.IsAllowed.Should().BeTrue();
        outcome.Denial.Should().BeNull();
        outcome.User!.Identity.Should().Be("alice");
        outcome.Permissions.Should().Equal("threads:write");
        outcome.Resource.Should().Be("threads");
        outcome.Action.Should().Be("create");
        var value = outcome.Value.Should().BeOfType<ThreadsCreate>().Subject;
        value.Metadata.ToJsonString().Should().Be("""{"owner":"alice","topic":"billing"}""", "the handler overwrote the owner the client sent");
        outcome.Filter!.ToJsonString().Should().Be("""{"owner":"alice"}""");
        outcome.ToString().Should().Be("Allowed threads:create for alice");

        var mine = new JsonObject { ["owner"] = "alice" };
        var theirs = new JsonObject { ["owner"] = "bob" };
        AuthFilter.IsAuthMatching(mine, outcome.Filter).Should().BeTrue();
        AuthFilter.IsAuthMatching(theirs, outcome.Filter).Should().BeFalse();
    }

    [Fact]
    public async Task Permissions_reach_the_handler_context()
    {
        var auth = new Auth()
            .Authenticate(r => new MinimalUserDict("alice") { Permissions = r.Headers.TryGetValue("x-scopes", out var s) ? s.Split(',') : [] })
            .On<object>("threads", (ctx, value) => ctx.Permissions.Contains("threads:read"));

        var withScope = await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}", null, ("X-Scopes", "threads:read,other")));
        var withoutScope = await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}"));

        withScope.IsAllowed.Should().BeTrue();
        withoutScope.Denial!.StatusCode.Should().Be(403);
    }

    [Fact]
    public async Task An_authenticate_handler_that_returns_no_user_is_a_500()
    {
        var outcome = await Auth.FromHandlers(new OwnerAuth()).HandleAsync(Requests.Bearer("GET", "/ok", "nobody"));

        outcome.IsAllowed.Should().BeFalse();
        outcome.Denial!.StatusCode.Should().Be(500);
        outcome.Denial.Detail.Should().Be("Internal Server Error");
        outcome.Denial.InnerException!.Message.Should().Contain("OwnerAuth.Authenticate returned no user");
    }

    [Fact]
    public async Task A_user_without_an_identity_is_a_500()
    {
        var auth = new Auth().Authenticate(_ => new AuthenticateBindingTestsUser());

        var outcome = await auth.HandleAsync(Requests.Make("GET", "/ok"));

        outcome.Denial!.StatusCode.Should().Be(500);
        outcome.Denial.InnerException!.Message.Should().Contain("returned a AuthenticateBindingTestsUser whose Identity is null");
    }

    private sealed class AuthenticateBindingTestsUser : IAuthUser
    {
        public string Identity => null!;

        public string DisplayName => "x";

        public bool IsAuthenticated => true;

        public IReadOnlyList<string> Permissions => [];

        public IEnumerable<string> Keys => [];

        public JsonNode? this[string key] => null;

        public bool ContainsKey(string key) => false;
    }

    [Fact]
    public async Task Other_exceptions_from_handlers_propagate_to_the_host()
    {
        var auth = Auth.FromHandlers(new OwnerAuth());
        var onThrows = new Auth().Authenticate(_ => "a").On<object>((ctx, v) => throw new FormatException("bad"));

        await FluentActions.Awaiting(() => auth.HandleAsync(Requests.Bearer("GET", "/ok", "crash")).AsTask())
            .Should().ThrowAsync<InvalidOperationException>().WithMessage("token store down");
        await FluentActions.Awaiting(() => onThrows.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}")).AsTask())
            .Should().ThrowAsync<FormatException>();
    }

    [Fact]
    public async Task Asynchronous_handlers_that_deny_after_awaiting_give_the_same_outcomes()
    {
        var auth = new Auth()
            .Authenticate(async (request, ct) =>
            {
                await Task.Yield();
                return request.Authorization == "Bearer alice" ? new MinimalUserDict("alice") : throw new AuthHttpException(401, "late");
            })
            .On<ThreadsRead>("threads", "read", async (ctx, value, ct) =>
            {
                await Task.Yield();
                return value.ThreadId == Requests.ThreadId ? new AuthFilter { ["owner"] = ctx.User.Identity } : throw new AuthHttpException(404, "Thread not found");
            });

        var ok = await auth.HandleAsync(Requests.Bearer("GET", $"/threads/{Requests.ThreadId}", "alice"));
        var unauthenticated = await auth.HandleAsync(Requests.Bearer("GET", $"/threads/{Requests.ThreadId}", "bob"));
        var notFound = await auth.HandleAsync(Requests.Bearer("GET", $"/threads/{Requests.RunId}", "alice"));

        ok.Filter!.ToJsonString().Should().Be("""{"owner":"alice"}""");
        unauthenticated.Denial!.Detail.Should().Be("late");
        notFound.Denial!.StatusCode.Should().Be(404);
        notFound.Denial.Detail.Should().Be("Thread not found");
    }

    [Fact]
    public async Task Without_an_authenticate_handler_nothing_is_authenticated_and_no_on_handler_runs()
    {
        var calls = 0;
        var auth = new Auth().On<object>((ctx, value) =>
        {
            calls++;
            return false;
        });

        var outcome = await auth.HandleAsync(Requests.Make("POST", "/threads", "{}"));

        outcome.IsAllowed.Should().BeTrue();
        outcome.User.Should().BeNull();
        outcome.Value.Should().BeNull();
        calls.Should().Be(0);
        auth.HasAuthenticateHandler.Should().BeFalse();
        (await auth.AuthenticateAsync(Requests.Make("GET", "/ok"))).Should().BeNull();
        (await auth.AuthorizeAsync(null, "threads", "create", new ThreadsCreate())).Should().BeNull();
        outcome.ApplyToConfigurable(new JsonObject()).Should().BeFalse();
    }

    [Fact]
    public async Task The_studio_header_is_ignored_unless_studio_auth_is_enabled()
    {
        var request = Requests.Make("GET", $"/threads/{Requests.ThreadId}", null, ("x-auth-scheme", "langsmith"));

        var outcome = await Auth.FromHandlers(new OwnerAuth()).HandleAsync(request);

        outcome.Denial!.StatusCode.Should().Be(401, "trusting the header by default would let any client skip authentication");
    }

    [Fact]
    public async Task With_studio_auth_enabled_the_header_skips_authentication_and_handlers_see_the_studio_user()
    {
        var handlers = new OwnerAuth();
        var auth = Auth.FromHandlers(handlers);
        auth.EnableStudioAuth = true;
        IAuthUser? seen = null;
        var fluent = new Auth { EnableStudioAuth = true }
            .Authenticate(IAuthUser? (_) => throw new AuthHttpException())
            .On<object>((ctx, value) =>
            {
                seen = ctx.User;
                return true;
            });

        var studio = await auth.HandleAsync(Requests.Make("GET", "/ok", null, ("X-Auth-Scheme", "langsmith")));
        var otherScheme = await auth.HandleAsync(Requests.Make("GET", "/ok", null, ("x-auth-scheme", "LangSmith")));
        await fluent.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}", null, ("x-auth-scheme", "langsmith")));

        studio.User.Should().BeSameAs(StudioUser.LangGraphStudio);
        studio.Permissions.Should().BeEmpty();
        handlers.AuthenticateCalls.Should().Be(1, "only the request with another scheme value reached the handler");
        otherScheme.Denial!.StatusCode.Should().Be(401);
        Auth.IsStudioUser(seen).Should().BeTrue();
        (await fluent.AuthenticateAsync(Requests.Make("GET", "/ok", null, ("x-auth-scheme", "langsmith")))).Should().BeSameAs(StudioUser.LangGraphStudio);
    }

    [Fact]
    public async Task The_user_reaches_the_run_config_overwriting_what_the_client_sent()
    {
        var outcome = await Auth.FromHandlers(new OwnerAuth()).HandleAsync(
            Requests.Bearer("POST", $"/threads/{Requests.ThreadId}/runs", "alice", """{"assistant_id":"agent"}"""));
        var configurable = new JsonObject
        {
            ["langgraph_auth_user"] = new JsonObject { ["identity"] = "mallory" },
            ["langgraph_auth_user_id"] = "mallory",
            ["langgraph_auth_permissions"] = new JsonArray("admin"),
            ["model"] = "gpt",
        };

        outcome.ApplyToConfigurable(configurable).Should().BeTrue();

        configurable.ToJsonString().Should().Be(
            """{"langgraph_auth_user":{"identity":"alice","display_name":"alice","is_authenticated":true,"permissions":["threads:write"],"github_token":"gh-alice"},"langgraph_auth_user_id":"alice","langgraph_auth_permissions":["threads:write"],"model":"gpt"}""");
        AuthConfigurable.UserKey.Should().Be("langgraph_auth_user");
        AuthConfigurable.UserIdKey.Should().Be("langgraph_auth_user_id");
        AuthConfigurable.PermissionsKey.Should().Be("langgraph_auth_permissions");
    }

    [Fact]
    public async Task A_batch_runs_the_handler_once_per_run_and_the_first_denial_wins()
    {
        var seen = new List<string?>();
        var auth = new Auth()
            .Authenticate(_ => "alice")
            .On<RunsCreate>("threads", "create_run", (ctx, run) =>
            {
                seen.Add(run.AssistantId);
                run.Metadata["owner"] = ctx.User.Identity;
                return run.AssistantId != "forbidden";
            });

        var allowed = await auth.HandleAsync(Requests.Make("POST", "/runs/batch", """[{"assistant_id":"a1"},{"assistant_id":"a2","metadata":{"k":1}}]"""));
        seen.Clear();
        var denied = await auth.HandleAsync(Requests.Make("POST", "/runs/batch", """[{"assistant_id":"a1"},{"assistant_id":"forbidden"},{"assistant_id":"a3"}]"""));

        var runs = allowed.Value.Should().BeOfType<RunsCreate[]>().Subject;
        runs.Select(r => r.AssistantId).Should().Equal("a1", "a2");
        runs.Should().OnlyContain(r => r.Metadata["owner"]!.GetValue<string>() == "alice" && r.ThreadId == null);
        allowed.Filter.Should().BeNull();
        allowed.Action.Should().Be("create_run");
        denied.Denial!.StatusCode.Should().Be(403);
        seen.Should().Equal("a1", "forbidden");
    }

    [Fact]
    public async Task A_protocol_command_is_a_create_run_when_it_starts_a_run_a_read_then_a_create_run_when_it_resumes_one_and_a_read_otherwise()
    {
        var auth = new Auth().Authenticate(_ => "alice").On<object>("threads", (ctx, value) => new AuthFilter { ["event"] = ctx.Event });
        var path = $"/threads/{Requests.ThreadId}/commands";

        var start = await auth.HandleAsync(Requests.Make("POST", path, """{"id":1,"method":"run.start","params":{"assistant_id":"agent","metadata":{"m":"v"}}}"""));
        var respond = await auth.HandleAsync(Requests.Make("POST", path, """{"id":2,"method":"input.respond","params":{}}"""));
        var state = await auth.HandleAsync(Requests.Make("POST", path, """{"id":3,"method":"state.get"}"""));

        start.Action.Should().Be("create_run");
        start.Filter!["event"].PlainValue.Should().Be("threads:create_run");
        var run = start.Value.Should().BeOfType<RunsCreate>().Subject;
        run.ThreadId.Should().Be(Requests.ThreadId);
        run.AssistantId.Should().Be("agent");
        run.Metadata["m"]!.GetValue<string>().Should().Be("v");
        respond.Action.Should().Be("read");
        respond.Events.Select(e => e.Event).Should().Equal("threads:read", "threads:create_run");
        respond.Events[1].Value.Should().BeOfType<RunsCreate>().Which.ThreadId.Should().Be(Requests.ThreadId);
        state.Action.Should().Be("read");
        state.Value.Should().BeOfType<ThreadsRead>().Which.ThreadId.Should().Be(Requests.ThreadId);
    }

    [Fact]
    public async Task Values_outlive_the_hosts_json_document()
    {
        var auth = new Auth().Authenticate(_ => "alice");
        AuthOutcome outcome;
        using (var document = JsonDocument.Parse("""{"metadata":{"topic":"billing"},"kwargs_like":{"a":[1,2]}}"""))
        {
            outcome = await auth.HandleAsync(new AuthRequest("POST", "/threads") { Body = document.RootElement });
        }

        ((ThreadsCreate)outcome.Value!).Metadata["topic"]!.GetValue<string>().Should().Be("billing");
    }

    [Fact]
    public async Task Registrations_freeze_on_the_first_request()
    {
        var auth = new Auth().Authenticate(_ => "alice");
        await auth.HandleAsync(Requests.Make("GET", "/ok"));

        FluentActions.Invoking(() => auth.On<object>((c, v) => true)).Should().Throw<InvalidOperationException>().WithMessage("*after the first request*");
        FluentActions.Invoking(() => auth.Authenticate(_ => "bob")).Should().Throw<InvalidOperationException>().WithMessage("*after the first request*");
        FluentActions.Invoking(() => auth.EnableStudioAuth = true).Should().Throw<InvalidOperationException>();
        auth.EnableStudioAuth.Should().BeFalse();
    }

    [Fact]
    public async Task A_completed_synchronous_call_completes_synchronously()
    {
        var auth = Auth.FromHandlers(new OwnerAuth());

        var pending = auth.HandleAsync(Requests.Bearer("GET", $"/threads/{Requests.ThreadId}", "alice"));

        pending.IsCompletedSuccessfully.Should().BeTrue();
        (await pending).IsAllowed.Should().BeTrue();
        default(AuthOutcome).IsAllowed.Should().BeFalse("a default outcome must never let a request through");
    }
}

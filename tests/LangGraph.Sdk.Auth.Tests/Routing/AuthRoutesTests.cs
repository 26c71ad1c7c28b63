using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using static LangGraph.Sdk.Auth.Tests.TestSupport.Requests;

namespace LangGraph.Sdk.Auth.Tests.Routing;

/// <summary>Every route of the JS server 1.5.1 (reference §6.5), and the ones only the Python server serves, classified.</summary>
public sealed class AuthRoutesTests
{
    private const string T = ThreadId;
    private const string R = RunId;
    private const string A = AssistantId;
    private const string C = CronId;

    /// <summary>(method, concrete path, template it must match, event "resource:action" or the route kind).</summary>
    public static TheoryData<string, string, string, string> Routes => new()
    {
        // meta
        { "GET", "/info", "/info", "Exempt" },
        { "GET", "/ok", "/ok", "AuthenticatedOnly" },
        { "POST", "/internal/truncate", "/internal/truncate", "AuthenticatedOnly" },
        // assistants
        { "POST", "/assistants", "/assistants", "assistants:create" },
        { "POST", "/assistants/search", "/assistants/search", "assistants:search" },
        { "POST", "/assistants/count", "/assistants/count", "assistants:search" },
        { "GET", $"/assistants/{A}", "/assistants/{assistant_id}", "assistants:read" },
        { "PATCH", $"/assistants/{A}", "/assistants/{assistant_id}", "assistants:update" },
        { "DELETE", $"/assistants/{A}", "/assistants/{assistant_id}", "assistants:delete" },
        { "GET", $"/assistants/{A}/graph", "/assistants/{assistant_id}/graph", "assistants:read" },
        { "GET", $"/assistants/{A}/schemas", "/assistants/{assistant_id}/schemas", "assistants:read" },
        { "GET", $"/assistants/{A}/subgraphs", "/assistants/{assistant_id}/subgraphs", "assistants:read" },
        { "GET", $"/assistants/{A}/subgraphs/child", "/assistants/{assistant_id}/subgraphs/{namespace}", "assistants:read" },
        { "POST", $"/assistants/{A}/latest", "/assistants/{assistant_id}/latest", "assistants:update" },
        { "POST", $"/assistants/{A}/versions", "/assistants/{assistant_id}/versions", "assistants:read" },
        // threads
        { "POST", "/threads", "/threads", "threads:create" },
        { "POST", "/threads/search", "/threads/search", "threads:search" },
        { "POST", "/threads/count", "/threads/count", "threads:search" },
        { "GET", $"/threads/{T}", "/threads/{thread_id}", "threads:read" },
        { "PATCH", $"/threads/{T}", "/threads/{thread_id}", "threads:update" },
        { "DELETE", $"/threads/{T}", "/threads/{thread_id}", "threads:delete" },
        { "POST", $"/threads/{T}/copy", "/threads/{thread_id}/copy", "threads:read" },
        { "GET", $"/threads/{T}/state", "/threads/{thread_id}/state", "threads:read" },
        { "POST", $"/threads/{T}/state", "/threads/{thread_id}/state", "threads:update" },
        { "GET", $"/threads/{T}/state/cp-1", "/threads/{thread_id}/state/{checkpoint_id}", "threads:read" },
        { "POST", $"/threads/{T}/state/checkpoint", "/threads/{thread_id}/state/checkpoint", "threads:read" },
        { "GET", $"/threads/{T}/history", "/threads/{thread_id}/history", "threads:read" },
        { "POST", $"/threads/{T}/history", "/threads/{thread_id}/history", "threads:read" },
        // runs
        { "POST", "/runs", "/runs", "threads:create_run" },
        { "POST", "/runs/stream", "/runs/stream", "threads:create_run" },
        { "POST", "/runs/wait", "/runs/wait", "threads:create_run" },
        { "POST", "/runs/batch", "/runs/batch", "threads:create_run" },
        { "GET", $"/runs/{R}/stream", "/runs/{run_id}/stream", "threads:read" },
        { "GET", $"/threads/{T}/runs", "/threads/{thread_id}/runs", "threads:search" },
        { "POST", $"/threads/{T}/runs", "/threads/{thread_id}/runs", "threads:create_run" },
        { "POST", $"/threads/{T}/runs/stream", "/threads/{thread_id}/runs/stream", "threads:create_run" },
        { "POST", $"/threads/{T}/runs/wait", "/threads/{thread_id}/runs/wait", "threads:create_run" },
        { "GET", $"/threads/{T}/runs/{R}", "/threads/{thread_id}/runs/{run_id}", "threads:read" },
        { "DELETE", $"/threads/{T}/runs/{R}", "/threads/{thread_id}/runs/{run_id}", "threads:delete" },
        { "GET", $"/threads/{T}/runs/{R}/join", "/threads/{thread_id}/runs/{run_id}/join", "threads:read" },
        { "GET", $"/threads/{T}/runs/{R}/stream", "/threads/{thread_id}/runs/{run_id}/stream", "threads:read" },
        { "POST", $"/threads/{T}/runs/{R}/cancel", "/threads/{thread_id}/runs/{run_id}/cancel", "threads:update" },
        // crons
        { "POST", "/runs/crons", "/runs/crons", "crons:create" },
        { "POST", "/runs/crons/search", "/runs/crons/search", "crons:search" },
        { "DELETE", $"/runs/crons/{C}", "/runs/crons/{cron_id}", "crons:delete" },
        { "POST", $"/threads/{T}/runs/crons", "/threads/{thread_id}/runs/crons", "crons:create" },
        // store
        { "PUT", "/store/items", "/store/items", "store:put" },
        { "GET", "/store/items", "/store/items", "store:get" },
        { "DELETE", "/store/items", "/store/items", "store:delete" },
        { "POST", "/store/items/search", "/store/items/search", "store:search" },
        { "POST", "/store/namespaces", "/store/namespaces", "store:list_namespaces" },
        // protocol v2
        { "POST", $"/threads/{T}/commands", "/threads/{thread_id}/commands", "threads:read" },
        { "POST", $"/threads/{T}/stream/events", "/threads/{thread_id}/stream/events", "threads:read" },
        { "GET", $"/threads/{T}/stream/events", "/threads/{thread_id}/stream/events", "threads:read" },
        // ui
        { "POST", "/ui/agent", "/ui/{agent}", "AuthenticatedOnly" },
        { "GET", "/ui/agent/entrypoint.js", "/ui/{agent}/{file}", "Exempt" },
        // absent on the JS server (404), served by the Python server
        { "POST", "/threads/prune", "/threads/prune", "threads:delete" },
        { "PATCH", $"/threads/{T}/state", "/threads/{thread_id}/state", "threads:update" },
        { "GET", $"/threads/{T}/stream", "/threads/{thread_id}/stream", "threads:read" },
        { "POST", "/runs/cancel", "/runs/cancel", "threads:update" },
        { "PATCH", $"/runs/crons/{C}", "/runs/crons/{cron_id}", "crons:update" },
        { "POST", "/runs/crons/count", "/runs/crons/count", "crons:search" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Every_route_maps_to_its_event(string method, string path, string template, string expected)
    {
        var match = AuthRoutes.Classify(method, path);

        match.Route.Should().NotBeNull($"{method} {path} is a LangGraph route");
        match.Route!.Method.Should().Be(method);
        match.Route.Template.Should().Be(template);
        if (expected.Contains(':'))
        {
            match.Kind.Should().Be(AuthRouteKind.Authorized);
            $"{match.Resource}:{match.Action}".Should().Be(expected);
            match.Route.Event.Should().Be(expected);
        }
        else
        {
            match.Kind.ToString().Should().Be(expected);
            match.Resource.Should().BeNull();
            match.Action.Should().BeNull();
        }
    }

    [Fact]
    public void The_table_holds_exactly_the_routes_listed_here()
    {
        var listed = Routes.Select(row => $"{row[0]} {row[2]}").ToHashSet();
        var table = AuthRoutes.All.Select(r => $"{r.Method} {r.Template}").ToList();

        table.Should().OnlyHaveUniqueItems();
        table.Should().BeEquivalentTo(listed);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public void Ids_in_the_path_are_captured_by_name(string method, string path, string template, string expected)
    {
        _ = expected;
        var match = AuthRoutes.Classify(method, path);
        var parameters = new AuthRequest(method, path).PathParams;

        match.ThreadId.Should().Be(template.Contains("{thread_id}") ? T : null);
        match.RunId.Should().Be(template.Contains("{run_id}") ? R : null);
        match.AssistantId.Should().Be(template.Contains("{assistant_id}") ? A : null);
        match.CronId.Should().Be(template.Contains("{cron_id}") ? C : null);
        match.CheckpointId.Should().Be(template.Contains("{checkpoint_id}") ? "cp-1" : null);
        parameters.Keys.Should().BeEquivalentTo(template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')));
    }

    [Fact]
    public void Two_ids_and_named_parameters_come_back_in_template_order()
    {
        var match = AuthRoutes.Classify("GET", $"/threads/{T}/runs/{R}/join");

        match.GetPathParam("thread_id").Should().Be(T);
        match.GetPathParam("run_id").Should().Be(R);
        match.GetPathParam("other").Should().BeNull();
        new AuthRequest("GET", $"/threads/{T}/runs/{R}").PathParams.Should().BeEquivalentTo(new Dictionary<string, string> { ["thread_id"] = T, ["run_id"] = R });
        AuthRoutes.Classify("GET", "/assistants/agent/subgraphs/parent|child").GetPathParam("namespace").Should().Be("parent|child");
        AuthRoutes.Classify("GET", "/ui/agent/entrypoint.js").GetPathParam("file").Should().Be("entrypoint.js");
    }

    [Theory]
    [InlineData("GET", "/info")]
    [InlineData("POST", "/info")]
    [InlineData("DELETE", "/info")]
    [InlineData("GET", "/ui")]
    [InlineData("GET", "/ui/agent/nested/asset.css")]
    [InlineData("HEAD", "/ui/agent/entrypoint.js")]
    public void Info_with_any_method_and_ui_assets_are_exempt(string method, string path)
    {
        var match = AuthRoutes.Classify(method, path);

        match.IsExempt.Should().BeTrue();
        match.Kind.Should().Be(AuthRouteKind.Exempt);
    }

    [Theory]
    [InlineData("GET", "/info/")]
    [InlineData("GET", "/INFO")]
    [InlineData("GET", "/uix")]
    [InlineData("GET", "/UI/agent/file.js")]
    [InlineData("POST", "/ui/agent")]
    public void Exemptions_are_strict(string method, string path)
    {
        var match = AuthRoutes.Classify(method, path);

        match.IsExempt.Should().BeFalse();
        match.Kind.Should().BeOneOf(AuthRouteKind.AuthenticatedOnly, AuthRouteKind.Unknown, AuthRouteKind.Refused);
    }

    [Theory]
    [InlineData("GET", "/custom/route")]
    [InlineData("PUT", "/threads")]
    [InlineData("GET", "/threads/a/b/c/d/e/f/g/h/i")]
    [InlineData("GET", "/")]
    [InlineData("GET", "")]
    public void Other_requests_match_no_route_and_are_authenticated_only(string method, string path)
    {
        var match = AuthRoutes.Classify(method, path);

        match.Route.Should().BeNull();
        match.Kind.Should().Be(AuthRouteKind.Unknown);
        match.IsExempt.Should().BeFalse();
        match.ThreadId.Should().BeNull();
    }

    [Theory]
    [InlineData("get", "/threads/" + T, "threads:read")]
    [InlineData("HEAD", "/threads/" + T, "threads:read")]
    public void The_method_is_matched_in_any_case_and_head_as_get(string method, string path, string expected)
    {
        var match = AuthRoutes.Classify(method, path);

        $"{match.Resource}:{match.Action}".Should().Be(expected);
    }

    [Theory]
    [InlineData("GET", "/Threads/" + T, AuthRouteKind.Unknown)]
    [InlineData("POST", "/STORE/ITEMS/SEARCH", AuthRouteKind.Unknown)]
    [InlineData("GET", "/threads/" + T + "/", AuthRouteKind.Refused)]
    [InlineData("POST", "//threads//search/", AuthRouteKind.Refused)]
    public void Matching_is_as_strict_as_the_server_which_serves_none_of_these(string method, string path, AuthRouteKind expected)
    {
        var match = AuthRoutes.Classify(method, path);

        match.Kind.Should().Be(expected);
        match.Route.Should().BeNull();
    }

    [Fact]
    public void Literal_segments_win_over_parameters()
    {
        AuthRoutes.Classify("POST", "/threads/search").Route!.Template.Should().Be("/threads/search");
        AuthRoutes.Classify("POST", "/threads/prune").Route!.Template.Should().Be("/threads/prune");
        AuthRoutes.Classify("POST", $"/threads/{T}/state/checkpoint").Route!.Template.Should().Be("/threads/{thread_id}/state/checkpoint");
        AuthRoutes.Classify("GET", $"/threads/{T}/state/checkpoint").Route!.Template.Should().Be("/threads/{thread_id}/state/{checkpoint_id}");
        AuthRoutes.Classify("POST", $"/threads/{T}/runs/crons").Route!.Template.Should().Be("/threads/{thread_id}/runs/crons");
        AuthRoutes.Classify("POST", $"/threads/{T}/runs/stream").Route!.Template.Should().Be("/threads/{thread_id}/runs/stream");
    }

    [Fact]
    public void Routes_with_a_second_event_or_a_body_chosen_event_say_so()
    {
        AuthRoutes.Classify("POST", $"/threads/{T}/copy").Route!.Note.Should().Contain("threads:create");
        AuthRoutes.Classify("POST", $"/threads/{T}/commands").Route!.Note.Should().Contain("run.start");
        AuthRoutes.Classify("POST", "/runs/batch").Route!.Note.Should().Contain("once per run");
        AuthRoutes.Classify("POST", "/runs/cancel").Route!.Note.Should().Contain("Not served by the JS dev server");
        AuthRoutes.Classify("GET", "/ok").Route!.ToString().Should().Be("GET /ok (AuthenticatedOnly)");
        AuthRoutes.Classify("POST", "/threads").Route!.ToString().Should().Be("POST /threads → threads:create");
    }

    [Fact]
    public void A_request_classifies_its_path_once_without_the_query_string()
    {
        var request = new AuthRequest("get", "/store/items?namespace=alice.notes&key=k%201");

        request.Method.Should().Be("GET");
        request.Path.Should().Be("/store/items");
        request.QueryParams.Should().BeEquivalentTo(new Dictionary<string, string> { ["namespace"] = "alice.notes", ["key"] = "k 1" });
        request.Route.Should().Be(AuthRoutes.Classify("GET", "/store/items"));
        request.ToString().Should().Be("GET /store/items");
    }
}

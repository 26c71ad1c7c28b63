using System.Linq;
using FluentAssertions;
using static LangGraph.Sdk.Auth.Tests.TestSupport.Requests;

namespace LangGraph.Sdk.Auth.Tests.Routing;

/// <summary>
/// Every class of path variant the server (JS 1.5.1, reference server-auth-events.md) routes or answers: the classifier
/// maps it to the canonical path the server routes to the same handler, or refuses it, never to "unknown" for a served route.
/// </summary>
public sealed class CanonicalPathTests
{
    private const string T = ThreadId;

    /// <summary>(class of variant, method, target, expected event or kind, expected canonical path or null when refused).</summary>
    public static TheoryData<string, string, string, string, string?> Variants => new()
    {
        { "plain", "POST", "/threads/search", "threads:search", "/threads/search" },
        { "encoded letters", "POST", "/%74hreads", "threads:create", "/threads" },
        { "encoded letters", "POST", "/threads/%73earch", "threads:search", "/threads/search" },
        { "encoded letters", "GET", "/%69nfo", "Exempt", "/info" },
        { "encoded letters", "GET", $"/threads/{T}/%72uns", "threads:search", $"/threads/{T}/runs" },
        { "dot segments", "POST", "/threads/./search", "threads:search", "/threads/search" },
        { "dot segments", "POST", "/threads/x/../search", "threads:search", "/threads/search" },
        { "dot segments", "POST", "/../threads", "threads:create", "/threads" },
        { "dot segments", "GET", $"/ui/../threads/{T}", "threads:read", $"/threads/{T}" },
        { "dot segments", "GET", $"/threads/{T}/runs/../state", "threads:read", $"/threads/{T}/state" },
        { "encoded dots", "POST", "/threads/%2e/search", "threads:search", "/threads/search" },
        { "encoded dots", "POST", "/threads/x/%2E%2E/search", "threads:search", "/threads/search" },
        { "encoded dots", "POST", "/threads/x/.%2e/search", "threads:search", "/threads/search" },
        { "absolute-form", "POST", "http://host/threads", "threads:create", "/threads" },
        { "absolute-form", "POST", "https://host:8123/threads/search?limit=1", "threads:search", "/threads/search" },
        { "absolute-form", "GET", "http://host", "Unknown", "/" },
        { "fragment", "POST", "/threads#fragment", "threads:create", "/threads" },
        { "fragment", "POST", "/threads/search#/../../store/items", "threads:search", "/threads/search" },
        { "query", "POST", "/threads?x=1#y", "threads:create", "/threads" },
        { "trailing slash", "POST", "/threads/", "Refused", null },
        { "trailing slash", "POST", "/threads/search/.", "Refused", null },
        { "double slash", "POST", "//threads", "Refused", null },
        { "double slash", "POST", "/threads//search", "Refused", null },
        { "case", "POST", "/Threads", "Unknown", "/Threads" },
        { "case", "POST", "/threads/SEARCH", "Unknown", "/threads/SEARCH" },
        { "case", "GET", "/INFO", "Unknown", "/INFO" },
        { "case", "get", $"/threads/{T}", "threads:read", $"/threads/{T}" },
        { "backslash", "POST", "/threads\\search", "Refused", null },
        { "backslash", "POST", "\\threads", "Refused", null },
        { "encoded slash", "POST", "/threads%2Fsearch", "Refused", null },
        { "encoded slash", "GET", "/assistants/a%2fb", "Refused", null },
        { "malformed escape", "GET", "/assistants/%zz", "Refused", null },
        { "malformed escape", "GET", "/assistants/a%4", "Refused", null },
        { "not UTF-8", "GET", "/assistants/%ff", "Refused", null },
        { "control character", "GET", "/assistants/a%00b", "Refused", null },
        { "not a path", "OPTIONS", "*", "Refused", null },
        { "double encoding", "POST", "/%2574hreads", "Unknown", "/%2574hreads" },
        { "reserved characters in an id", "GET", "/assistants/a%3Fb%23c%25d", "assistants:read", "/assistants/a%3Fb%23c%25d" },
        { "decoded by the host", "GET", "/assistants/é x", "assistants:read", "/assistants/%C3%A9%20x" },
        { "root", "GET", "", "Unknown", "/" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Each_variant_maps_to_the_route_the_server_serves_or_is_refused(string variant, string method, string target, string expected, string? canonical)
    {
        var match = AuthRoutes.Classify(method, target);

        match.CanonicalPath.Should().Be(canonical, variant);
        if (expected.Contains(':'))
        {
            match.Kind.Should().Be(AuthRouteKind.Authorized, variant);
            $"{match.Resource}:{match.Action}".Should().Be(expected, variant);
        }
        else
        {
            match.Kind.ToString().Should().Be(expected, variant);
        }

        match.IsRefused.Should().Be(canonical is null);
        if (canonical is not null)
        {
            match.Refusal.Should().BeNull();
            AuthRoutes.Classify(method, canonical).Should().Be(match, "the canonical path is a fixed point: forwarding it reaches the same route");
        }
    }

    [Theory]
    [InlineData("/threads/", 404)]
    [InlineData("//threads", 404)]
    [InlineData("/threads\\search", 400)]
    [InlineData("/threads%2Fsearch", 400)]
    [InlineData("/assistants/%zz", 400)]
    [InlineData("/assistants/%ff", 400)]
    public void A_refusal_says_how_to_answer(string target, int status)
    {
        var match = AuthRoutes.Classify("POST", target);

        match.Refusal!.StatusCode.Should().Be(status);
        match.Refusal.Detail.Should().NotBeNullOrWhiteSpace();
        match.Route.Should().BeNull();
        match.ThreadId.Should().BeNull();
    }

    [Fact]
    public void Path_parameters_are_the_decoded_segments()
    {
        AuthRoutes.Classify("GET", "/assistants/a%3Fb%23c%25d").AssistantId.Should().Be("a?b#c%d");
        AuthRoutes.Classify("GET", "/assistants/%C3%A9%20x").AssistantId.Should().Be("é x");
        AuthRoutes.Classify("GET", "/assistants/é x").AssistantId.Should().Be("é x");
        AuthRoutes.Classify("GET", "/assistants/agent/subgraphs/parent%7Cchild").GetPathParam("namespace").Should().Be("parent|child");
    }

    [Fact]
    public void A_request_drops_the_fragment_before_the_query_and_classifies_the_canonical_path()
    {
        var request = new AuthRequest("POST", "/%74hreads/search#x?limit=5");

        request.Path.Should().Be("/%74hreads/search");
        request.QueryParams.Should().BeEmpty();
        request.Route.CanonicalPath.Should().Be("/threads/search");
        request.Events.Should().Equal("threads:search");
    }

    [Fact]
    public void Every_route_template_is_its_own_canonical_form()
    {
        foreach (var route in AuthRoutes.All)
        {
            var path = string.Join('/', route.Template.Split('/').Select(s => s.StartsWith('{') ? "x1" : s));

            AuthRoutes.Classify(route.Method, path).CanonicalPath.Should().Be(path, route.ToString());
        }
    }
}

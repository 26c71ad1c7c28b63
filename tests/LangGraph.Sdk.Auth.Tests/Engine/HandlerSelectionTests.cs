using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Engine;

/// <summary>Exactly one handler runs per request, picked by resource:action → resource → *:action → *; none means allowed.</summary>
public sealed class HandlerSelectionTests
{
    private static readonly string[] AllKeys = ["threads:read", "threads:*", "*:read", "*:*"];

    /// <summary>Registers a handler for each of <paramref name="keys"/>; each answers with a filter naming its key and counts its calls.</summary>
    private static (Auth Auth, int[] Calls) Build(params string[] keys)
    {
        var calls = new int[AllKeys.Length];
        var auth = new Auth().Authenticate(_ => "alice");
        foreach (var key in keys)
        {
            var index = System.Array.IndexOf(AllKeys, key);
            var parts = key.Split(':');
            auth.On<object>(parts[0], parts[1], (ctx, value) =>
            {
                calls[index]++;
                return new AuthFilter { ["handler"] = key };
            });
        }

        return (auth, calls);
    }

    [Theory]
    [InlineData("threads:read", "threads:read", "threads:*", "*:read", "*:*")]
    [InlineData("threads:*", "threads:*", "*:read", "*:*")]
    [InlineData("*:read", "*:read", "*:*")]
    [InlineData("*:*", "*:*")]
    [InlineData("threads:read", "threads:read", "*:*")]
    [InlineData("threads:*", "threads:*", "*:read")]
    public async Task The_most_specific_handler_runs_and_only_that_one(string expected, params string[] registered)
    {
        var (auth, calls) = Build(registered);

        var outcome = await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}"));

        outcome.Filter!["handler"].PlainValue.Should().Be(expected);
        calls.Sum().Should().Be(1, "exactly one handler runs per request");
        auth.FindHandler("threads", "read")!.Key.Should().Be(expected);
    }

    [Fact]
    public async Task With_no_matching_handler_the_request_is_allowed_without_a_filter()
    {
        var (auth, calls) = Build("assistants:*", "*:create");

        var outcome = await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}"));

        outcome.IsAllowed.Should().BeTrue();
        outcome.Filter.Should().BeNull();
        outcome.Resource.Should().Be("threads");
        outcome.Action.Should().Be("read");
        calls.Sum().Should().Be(0);
        auth.FindHandler("threads", "read").Should().BeNull();
    }

    [Fact]
    public async Task A_star_action_handler_guards_that_action_of_every_resource_that_has_it()
    {
        var auth = new Auth()
            .Authenticate(_ => "alice")
            .On<object>("*", "delete", (ctx, value) => new AuthFilter { ["event"] = ctx.Event });

        var threads = await auth.HandleAsync(Requests.Make("DELETE", $"/threads/{Requests.ThreadId}"));
        var assistants = await auth.HandleAsync(Requests.Make("DELETE", $"/assistants/{Requests.AssistantId}"));
        var crons = await auth.HandleAsync(Requests.Make("DELETE", $"/runs/crons/{Requests.CronId}"));
        var store = await auth.HandleAsync(Requests.Make("DELETE", "/store/items", """{"namespace":["a"],"key":"k"}"""));
        var read = await auth.HandleAsync(Requests.Make("GET", $"/threads/{Requests.ThreadId}"));

        threads.Filter!["event"].PlainValue.Should().Be("threads:delete");
        assistants.Filter!["event"].PlainValue.Should().Be("assistants:delete");
        crons.Filter!["event"].PlainValue.Should().Be("crons:delete");
        store.Filter!["event"].PlainValue.Should().Be("store:delete");
        read.Filter.Should().BeNull();
    }

    [Fact]
    public void FindHandler_names_the_attribute_method_and_rejects_events_that_do_not_exist()
    {
        var auth = Auth.FromHandlers(new Handlers());

        auth.FindHandler("store", "put")!.ToString().Should().Be("store:* (Handlers.OnStore)");
        auth.FindHandler("threads", "create_run")!.Name.Should().Be("Handlers.OnEverything");
        auth.FindHandler("threads", "create")!.Resource.Should().Be("threads");
        auth.FindHandler("threads", "create")!.Action.Should().Be("create");
        auth.Handlers.Select(h => h.Key).Should().BeEquivalentTo("threads:create", "store:*", "*:*");
        FluentActions.Invoking(() => auth.FindHandler("threads", "put")).Should().Throw<System.ArgumentException>().WithMessage("*\"threads:put\" is not an auth event*");
        FluentActions.Invoking(() => auth.FindHandler("*", "read")).Should().Throw<System.ArgumentException>();
    }

    private sealed class Handlers
    {
        [Authenticate]
        public string Authenticate() => "alice";

        [On("threads", "create")]
        public bool OnCreate(AuthContext ctx, ThreadsCreate value) => true;

        [On("store")]
        public bool OnStore(AuthContext ctx, object value) => true;

        [On]
        public bool OnEverything(AuthContext ctx, object value) => true;
    }
}

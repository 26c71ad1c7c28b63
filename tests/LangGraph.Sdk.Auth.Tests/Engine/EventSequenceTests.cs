using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.Routing;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Engine;

/// <summary>
/// The events HandleAsync runs for each route, in the server's order: every event that gates on the JS server 1.5.1
/// (reference server-auth-events.md), and none that does not.
/// </summary>
public sealed class EventSequenceTests
{
    private const string T = Requests.ThreadId;
    private const string Agent = "fe096781-5601-53d2-b2f6-0d3403f7e9ca";

    /// <summary>(method, path, body or null, the events in order, comma-separated; empty for none).</summary>
    public static TheoryData<string, string, string?, string> Sequences
    {
        get
        {
            var data = new TheoryData<string, string, string?, string>();
            var multi = MultiEventRows().Select(row => $"{row.Method} {row.Path}").ToHashSet();
            foreach (var row in AuthRoutesTests.Routes)
            {
                var (method, path, expected) = ((string)row[0], (string)row[1], (string)row[3]);
                if (!multi.Contains($"{method} {path}"))
                {
                    data.Add(method, path, method == "POST" && path == "/runs/batch" ? """[{"assistant_id":"a"}]""" : null, expected.Contains(':') ? expected : string.Empty);
                }
            }

            foreach (var row in MultiEventRows())
            {
                data.Add(row.Method, row.Path, row.Body, row.Events);
            }

            return data;
        }
    }

    private static IEnumerable<(string Method, string Path, string? Body, string Events)> MultiEventRows()
    {
        yield return ("POST", "/threads", """{"thread_id":"t1","supersteps":[{"updates":[{"values":{}}]}]}""", "threads:create,threads:update,threads:read");
        yield return ("GET", $"/threads/{T}/runs", null, "threads:search,threads:read");
        yield return ("POST", $"/threads/{T}/state", """{"values":{"x":1}}""", "threads:update,threads:read");
        yield return ("POST", $"/threads/{T}/copy", null, "threads:read,threads:create");
        yield return ("POST", $"/threads/{T}/commands", """{"id":1,"method":"run.start","params":{"assistant_id":"agent"}}""", "threads:create_run");
        yield return ("POST", $"/threads/{T}/commands", """{"id":2,"method":"input.respond","params":{"assistant_id":"agent"}}""", "threads:read,threads:create_run");
        yield return ("POST", $"/threads/{T}/commands", """{"id":3,"method":"state.get"}""", "threads:read");
        yield return ("POST", $"/threads/{T}/commands", """{"id":4,"method":"subscription.subscribe"}""", "threads:read");
        yield return ("POST", $"/threads/{T}/commands", """{"id":5,"method":"no.such.method"}""", "threads:read");
    }

    private static (Auth Auth, List<string> Seen) Recording(Func<string, int, bool>? allow = null)
    {
        var seen = new List<string>();
        var auth = new Auth().Authenticate(_ => "alice").On<object>((ctx, value) =>
        {
            seen.Add(ctx.Event);
            return allow?.Invoke(ctx.Event, seen.Count - 1) ?? true;
        });
        return (auth, seen);
    }

    private static AuthRequest Request(string method, string path, string? body, Func<string, JsonObject?>? stored = null)
    {
        var template = Requests.Make(method, path, body);
        return new AuthRequest(template.Method, path)
        {
            Headers = template.Headers,
            Body = template.Body,
            ThreadMetadataLoader = (id, _) => new((stored ?? (_ => new JsonObject { ["owner"] = "alice" }))(id)),
        };
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public async Task Each_route_runs_the_events_that_gate_on_the_server_in_order(string method, string path, string? body, string events)
    {
        var expected = events.Length == 0 ? [] : events.Split(',');
        var (auth, seen) = Recording();
        var request = Request(method, path, body);

        var outcome = await auth.HandleAsync(request);

        request.Events.Should().Equal(expected, "the plan names the events");
        seen.Should().Equal(expected, "the handlers ran exactly these events, in this order");
        outcome.IsAllowed.Should().BeTrue();
        outcome.Events.Select(e => e.Event).Should().Equal(expected);
        outcome.Events.Where(e => !e.IsAllowed).Should().BeEmpty();
        if (expected.Length > 0)
        {
            $"{outcome.Resource}:{outcome.Action}".Should().Be(expected[0], "the outcome's own event is the first one");
            (outcome.Value is RunsCreate[] batch ? batch[0] : outcome.Value).Should().BeSameAs(outcome.Events[0].Value);
        }
    }

    [Theory]
    [MemberData(nameof(Sequences))]
    public async Task Denying_any_event_of_the_sequence_denies_the_request_and_stops_there(string method, string path, string? body, string events)
    {
        var expected = events.Length == 0 ? [] : events.Split(',');
        for (var denied = 0; denied < expected.Length; denied++)
        {
            var (auth, seen) = Recording((_, index) => index != denied);

            var outcome = await auth.HandleAsync(Request(method, path, body));

            outcome.IsAllowed.Should().BeFalse($"{method} {path} with event {denied} denied");
            outcome.Denial!.StatusCode.Should().Be(403);
            seen.Should().Equal(expected.Take(denied + 1));
            outcome.Events.Select(e => e.IsAllowed).Should().Equal(Enumerable.Range(0, denied + 1).Select(i => i != denied));
            outcome.Resource.Should().BeNull();
        }
    }

    [Theory]
    [InlineData("/runs/wait")]
    [InlineData("/runs/stream")]
    [InlineData("/threads/" + T + "/runs/wait")]
    [InlineData("/threads/" + T + "/runs/stream")]
    public async Task The_read_after_a_waited_or_streamed_run_does_not_gate_on_the_server_so_it_is_not_run(string path)
    {
        var auth = new Auth().Authenticate(_ => "alice").On<object>("threads", "read", (_, _) => false);

        var outcome = await auth.HandleAsync(Requests.Make("POST", path, """{"assistant_id":"a"}"""));

        outcome.IsAllowed.Should().BeTrue();
        outcome.Events.Select(e => e.Event).Should().Equal("threads:create_run");
    }

    [Fact]
    public async Task Supersteps_run_update_and_read_on_the_new_thread_and_an_empty_list_runs_only_the_create()
    {
        var (auth, seen) = Recording();

        var steps = await auth.HandleAsync(Request("POST", "/threads", """{"thread_id":"t1","metadata":{"a":1},"supersteps":[{}]}"""));
        var empty = await auth.HandleAsync(Request("POST", "/threads", """{"supersteps":[]}"""));

        steps.Events[1].Value.Should().BeOfType<ThreadsUpdate>().Which.ThreadId.Should().Be("t1");
        steps.Events[2].Value.Should().BeOfType<ThreadsRead>().Which.ThreadId.Should().Be("t1");
        steps.Value.Should().BeOfType<ThreadsCreate>().Which.Metadata["a"]!.GetValue<int>().Should().Be(1);
        empty.Events.Select(e => e.Event).Should().Equal("threads:create");
        seen.Should().Equal("threads:create", "threads:update", "threads:read", "threads:create");
    }

    [Fact]
    public async Task The_reads_after_a_state_update_and_a_runs_list_carry_the_paths_thread()
    {
        var (auth, _) = Recording();

        var state = await auth.HandleAsync(Request("POST", $"/threads/{T}/state", "{}"));
        var runs = await auth.HandleAsync(Request("GET", $"/threads/{T}/runs?status=running", null));

        state.Events[1].Value.Should().BeOfType<ThreadsRead>().Which.ThreadId.Should().Be(T);
        runs.Events[0].Value.Should().BeOfType<ThreadsSearch>().Which.Status.Should().Be("running");
        runs.Events[1].Value.Should().BeOfType<ThreadsRead>().Which.ThreadId.Should().Be(T);
    }

    [Fact]
    public async Task A_copy_creates_with_the_stored_threads_metadata_as_the_server_builds_it()
    {
        var auth = new Auth().Authenticate(_ => "alice")
            .On<ThreadsRead>("threads", "read", (ctx, _) => new AuthFilter { ["owner"] = ctx.User.Identity })
            .On<ThreadsCreate>("threads", "create", (_, value) =>
            {
                value.Metadata["copied"] = true;
                return true;
            });
        var stored = new JsonObject { ["owner"] = "alice", ["topic"] = "billing" };
        string? loaded = null;

        var outcome = await auth.HandleAsync(Request("POST", $"/threads/{T}/copy", null, id =>
        {
            loaded = id;
            return stored;
        }));

        loaded.Should().Be(T);
        var create = outcome.Events[1].Value.Should().BeOfType<ThreadsCreate>().Subject;
        create.Metadata.ToJsonString().Should().Be("""{"owner":"alice","topic":"billing","copied":true}""");
        create.ThreadId.Should().BeNull("the server generates the copy's id");
        create.IfExists.Should().BeNull();
        stored.ContainsKey("copied").Should().BeFalse("the engine hands the handler a copy of what the host stored");
        outcome.Filter!["owner"].PlainValue.Should().Be("alice");
    }

    [Fact]
    public async Task A_copy_of_a_missing_or_filtered_out_thread_is_thread_not_found_before_the_create()
    {
        var (auth, seen) = Recording();
        var filtered = new Auth().Authenticate(_ => "bob").On<ThreadsRead>("threads", "read", (ctx, _) => new AuthFilter { ["owner"] = ctx.User.Identity });

        var missing = await auth.HandleAsync(Request("POST", $"/threads/{T}/copy", null, _ => null));
        var hidden = await filtered.HandleAsync(Request("POST", $"/threads/{T}/copy", null));

        missing.Denial!.StatusCode.Should().Be(409);
        missing.Denial.Detail.Should().Be("Thread not found");
        seen.Should().Equal("threads:read");
        hidden.Denial!.StatusCode.Should().Be(409);
        hidden.Events.Select(e => e.Event).Should().Equal("threads:read");
    }

    [Fact]
    public async Task A_copy_without_a_metadata_loader_fails_closed()
    {
        var (auth, _) = Recording();

        var act = async () => await auth.HandleAsync(Requests.Make("POST", $"/threads/{T}/copy"));

        (await act.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain(nameof(AuthRequest.ThreadMetadataLoader));
    }

    [Fact]
    public async Task Graph_ids_become_the_assistants_uuid_through_the_hosts_resolver()
    {
        var asked = new List<string>();
        var (auth, _) = Recording();
        AuthRequest Make(string method, string path, string? body = null) => new(method, path)
        {
            Body = body is null ? null : System.Text.Json.JsonDocument.Parse(body).RootElement.Clone(),
            AssistantIdResolver = (id, _) =>
            {
                asked.Add(id);
                return new(id == "agent" ? AuthRoutes.SystemAssistantId(id) : null);
            },
        };

        var read = await auth.HandleAsync(Make("GET", "/assistants/agent/graph"));
        var update = await auth.HandleAsync(Make("PATCH", "/assistants/agent", "{}"));
        var delete = await auth.HandleAsync(Make("DELETE", "/assistants/agent"));
        var run = await auth.HandleAsync(Make("POST", $"/threads/{T}/runs", """{"assistant_id":"agent"}"""));
        var batch = await auth.HandleAsync(Make("POST", "/runs/batch", """[{"assistant_id":"agent"},{"assistant_id":"other"}]"""));
        var command = await auth.HandleAsync(Make("POST", $"/threads/{T}/commands", """{"method":"input.respond","params":{"assistant_id":"agent"}}"""));
        var create = await auth.HandleAsync(Make("POST", "/assistants", """{"assistant_id":"agent","graph_id":"agent"}"""));
        var byUuid = await auth.HandleAsync(Make("GET", $"/assistants/{Requests.AssistantId}"));

        ((AssistantsRead)read.Value!).AssistantId.Should().Be(Agent);
        ((AssistantsUpdate)update.Value!).AssistantId.Should().Be(Agent);
        ((AssistantsDelete)delete.Value!).AssistantId.Should().Be(Agent);
        ((RunsCreate)run.Value!).AssistantId.Should().Be(Agent);
        ((RunsCreate[])batch.Value!).Select(r => r.AssistantId).Should().Equal(Agent, "other");
        ((RunsCreate)command.Events[1].Value).AssistantId.Should().Be(Agent);
        ((AssistantsCreate)create.Value!).AssistantId.Should().Be("agent", "a create names the new assistant's id");
        ((AssistantsRead)byUuid.Value!).AssistantId.Should().Be(Requests.AssistantId);
        asked.Should().Equal("agent", "agent", "agent", "agent", "agent", "other", "agent");
    }

    [Fact]
    public async Task Without_a_resolver_values_carry_the_id_as_given_and_a_single_event_completes_synchronously()
    {
        var (auth, _) = Recording();

        var pending = auth.HandleAsync(Requests.Make("GET", "/assistants/agent"));

        pending.IsCompletedSuccessfully.Should().BeTrue();
        ((AssistantsRead)(await pending).Value!).AssistantId.Should().Be("agent");
    }

    [Theory]
    [InlineData("agent", Agent)]
    [InlineData("é x", "325f988e-2411-5800-b464-edd2203e8981")]
    public void The_system_assistant_id_is_the_servers_uuid5_of_the_graph_id(string graphId, string expected) =>
        AuthRoutes.SystemAssistantId(graphId).Should().Be(expected);

    [Fact]
    public async Task Every_protocol_request_is_authorized_as_its_own_caller()
    {
        var auth = new Auth()
            .Authenticate(request => request.Authorization!["Bearer ".Length..])
            .On<ThreadsRead>("threads", "read", (ctx, _) => ctx.User.Identity == "alice");
        var path = $"/threads/{T}/commands";
        const string Body = """{"id":1,"method":"state.get"}""";

        var alice = await auth.HandleAsync(Requests.Bearer("POST", path, "alice", Body));
        var bob = await auth.HandleAsync(Requests.Bearer("POST", path, "bob", Body));
        var bobStream = await auth.HandleAsync(Requests.Bearer("GET", $"/threads/{T}/stream/events", "bob"));
        var aliceAgain = await auth.HandleAsync(Requests.Bearer("POST", path, "alice", Body));

        alice.IsAllowed.Should().BeTrue();
        bob.Denial!.StatusCode.Should().Be(403, "bob is checked as bob, although alice touched the thread first");
        bob.User!.Identity.Should().Be("bob");
        bobStream.IsAllowed.Should().BeFalse();
        aliceAgain.IsAllowed.Should().BeTrue();
    }

    [Fact]
    public async Task A_refused_target_is_denied_before_authentication()
    {
        var authenticated = 0;
        var auth = new Auth().Authenticate(_ =>
        {
            authenticated++;
            return "alice";
        });

        var outcome = await auth.HandleAsync(Requests.Make("POST", "/threads%2Fsearch"));
        var noAuth = await new Auth().HandleAsync(Requests.Make("POST", "/threads/"));

        outcome.IsAllowed.Should().BeFalse();
        outcome.Denial!.StatusCode.Should().Be(400);
        outcome.User.Should().BeNull();
        outcome.Events.Should().BeEmpty();
        authenticated.Should().Be(0);
        noAuth.Denial!.StatusCode.Should().Be(404, "even with no auth configured, a target with no canonical path is not forwarded");
    }

    [Fact]
    public async Task Event_results_describe_themselves()
    {
        var outcome = await new Auth().Authenticate(_ => "alice").HandleAsync(Requests.Make("GET", $"/threads/{T}"));

        outcome.Events.Should().ContainSingle().Which.ToString().Should().Be("threads:read: allowed");
    }
}

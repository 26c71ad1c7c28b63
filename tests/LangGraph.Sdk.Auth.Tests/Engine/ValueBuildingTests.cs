using System;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.Tests.TestSupport;

namespace LangGraph.Sdk.Auth.Tests.Engine;

/// <summary>The value each route's handler receives, built from the path ids, the query and the body as the server does.</summary>
public sealed class ValueBuildingTests
{
    private static async Task<T> ValueOf<T>(string method, string path, string? body = null)
    {
        object? captured = null;
        var auth = new Auth().Authenticate(_ => "alice").On<object>((ctx, value) =>
        {
            captured ??= value;
            return true;
        });

        var outcome = await auth.HandleAsync(Requests.Make(method, path, body));

        outcome.Value.Should().BeSameAs(captured, "the outcome carries the very value the handler saw first");
        return captured.Should().BeOfType<T>().Subject;
    }

    [Fact]
    public async Task Threads_create()
    {
        var value = await ValueOf<ThreadsCreate>("POST", "/threads", """{"thread_id":"t1","metadata":{"a":1},"if_exists":"do_nothing","ttl":{"strategy":"delete","ttl":30}}""");
        var defaults = await ValueOf<ThreadsCreate>("POST", "/threads", "{}");
        var numericTtl = await ValueOf<ThreadsCreate>("POST", "/threads", """{"ttl":15}""");

        value.ThreadId.Should().Be("t1");
        value.Metadata.ToJsonString().Should().Be("""{"a":1}""");
        value.IfExists.Should().Be("do_nothing");
        value.Ttl!.Strategy.Should().Be("delete");
        value.Ttl.Ttl.Should().Be(30);
        defaults.ThreadId.Should().BeNull();
        defaults.Metadata.Should().BeEmpty();
        defaults.IfExists.Should().Be("raise");
        defaults.Ttl.Should().BeNull();
        numericTtl.Ttl!.Ttl.Should().Be(15);
        numericTtl.Ttl.Strategy.Should().Be("delete");
    }

    [Fact]
    public async Task Threads_read_update_delete_and_state()
    {
        var read = await ValueOf<ThreadsRead>("GET", $"/threads/{Requests.ThreadId}/runs/{Requests.RunId}");
        var update = await ValueOf<ThreadsUpdate>("PATCH", $"/threads/{Requests.ThreadId}", """{"metadata":{"k":"v"}}""");
        var state = await ValueOf<ThreadsUpdate>("POST", $"/threads/{Requests.ThreadId}/state", """{"values":{"x":1}}""");
        var delete = await ValueOf<ThreadsDelete>("DELETE", $"/threads/{Requests.ThreadId}/runs/{Requests.RunId}");
        var prune = await ValueOf<ThreadsDelete>("POST", "/threads/prune", """{"thread_ids":["a"]}""");
        var statelessJoin = await ValueOf<ThreadsRead>("GET", $"/runs/{Requests.RunId}/stream");

        read.ThreadId.Should().Be(Requests.ThreadId);
        read.RunId.Should().Be(Requests.RunId);
        update.ThreadId.Should().Be(Requests.ThreadId);
        update.Metadata["k"]!.GetValue<string>().Should().Be("v");
        update.Action.Should().BeNull();
        state.ThreadId.Should().Be(Requests.ThreadId);
        state.Metadata.Should().BeEmpty();
        delete.ThreadId.Should().Be(Requests.ThreadId);
        delete.RunId.Should().Be(Requests.RunId);
        prune.ThreadId.Should().BeNull();
        statelessJoin.ThreadId.Should().BeNull();
        statelessJoin.RunId.Should().Be(Requests.RunId);
    }

    [Fact]
    public async Task Threads_search_and_runs_list()
    {
        var search = await ValueOf<ThreadsSearch>("POST", "/threads/search", """{"metadata":{"a":"b"},"values":{"v":1},"status":"idle","limit":5,"offset":10,"ids":["t1","t2"]}""");
        var defaults = await ValueOf<ThreadsSearch>("POST", "/threads/count", null);
        var runs = await ValueOf<ThreadsSearch>("GET", $"/threads/{Requests.ThreadId}/runs?status=pending&limit=3&offset=1");

        search.Metadata["a"]!.GetValue<string>().Should().Be("b");
        search.Values!["v"]!.GetValue<int>().Should().Be(1);
        search.Status.Should().Be("idle");
        search.Limit.Should().Be(5);
        search.Offset.Should().Be(10);
        search.Ids.Should().Equal("t1", "t2");
        defaults.Limit.Should().Be(10);
        defaults.Offset.Should().Be(0);
        defaults.Ids.Should().BeNull();
        runs.ThreadId.Should().Be(Requests.ThreadId);
        runs.Status.Should().Be("pending");
        runs.Limit.Should().Be(3);
        runs.Offset.Should().Be(1);
    }

    [Fact]
    public async Task Runs_create_with_and_without_a_thread()
    {
        var run = await ValueOf<RunsCreate>("POST", $"/threads/{Requests.ThreadId}/runs/stream",
            """{"assistant_id":"agent","input":{"q":1},"metadata":{"m":1},"multitask_strategy":"enqueue","if_not_exists":"create","after_seconds":5,"prevent_insert_if_inflight":true}""");
        var stateless = await ValueOf<RunsCreate>("POST", "/runs/wait", """{"assistant_id":"agent"}""");

        run.ThreadId.Should().Be(Requests.ThreadId);
        run.AssistantId.Should().Be("agent");
        run.RunId.Should().BeNull("the server assigns it");
        run.Status.Should().Be("pending");
        run.Metadata["m"]!.GetValue<int>().Should().Be(1);
        run.MultitaskStrategy.Should().Be("enqueue");
        run.IfNotExists.Should().Be("create");
        run.AfterSeconds.Should().Be(5);
        run.PreventInsertIfInflight.Should().BeTrue();
        run.Kwargs!["input"]!["q"]!.GetValue<int>().Should().Be(1);
        stateless.ThreadId.Should().BeNull();
        stateless.MultitaskStrategy.Should().Be("reject");
        stateless.IfNotExists.Should().Be("reject");
        stateless.AfterSeconds.Should().Be(0);
        stateless.PreventInsertIfInflight.Should().BeNull();
    }

    [Fact]
    public async Task Runs_cancel_is_a_thread_update()
    {
        var one = await ValueOf<ThreadsUpdate>("POST", $"/threads/{Requests.ThreadId}/runs/{Requests.RunId}/cancel?wait=1&action=rollback");
        var many = await ValueOf<ThreadsUpdate>("POST", "/runs/cancel", """{"thread_id":"t9","run_ids":["r1","r2"],"status":"running"}""");
        var defaultAction = await ValueOf<ThreadsUpdate>("POST", $"/threads/{Requests.ThreadId}/runs/{Requests.RunId}/cancel");

        one.ThreadId.Should().Be(Requests.ThreadId);
        one.Action.Should().Be("rollback");
        one.Metadata.ToJsonString().Should().Be($$"""{"run_ids":["{{Requests.RunId}}"],"status":"pending"}""");
        many.ThreadId.Should().Be("t9");
        many.Action.Should().Be("interrupt");
        many.Metadata.ToJsonString().Should().Be("""{"run_ids":["r1","r2"],"status":"running"}""");
        defaultAction.Action.Should().Be("interrupt");
    }

    [Fact]
    public async Task Assistants()
    {
        var create = await ValueOf<AssistantsCreate>("POST", "/assistants",
            """{"assistant_id":"a1","graph_id":"agent","config":{"c":1},"context":{"x":1},"metadata":{"m":1},"if_exists":"do_nothing","name":"N","description":"D"}""");
        var read = await ValueOf<AssistantsRead>("GET", "/assistants/agent/subgraphs/ns");
        var versions = await ValueOf<AssistantsRead>("POST", $"/assistants/{Requests.AssistantId}/versions", """{"metadata":{"v":1}}""");
        var update = await ValueOf<AssistantsUpdate>("PATCH", $"/assistants/{Requests.AssistantId}", """{"graph_id":"g","config":{},"context":{},"metadata":{"m":2},"name":"N2","description":"D2"}""");
        var latest = await ValueOf<AssistantsUpdate>("POST", $"/assistants/{Requests.AssistantId}/latest", """{"version":3}""");
        var delete = await ValueOf<AssistantsDelete>("DELETE", $"/assistants/{Requests.AssistantId}?delete_threads=true");
        var search = await ValueOf<AssistantsSearch>("POST", "/assistants/search", """{"graph_id":"agent","metadata":{"owner":"a"},"limit":2,"offset":4}""");

        create.AssistantId.Should().Be("a1");
        create.GraphId.Should().Be("agent");
        create.Config!["c"]!.GetValue<int>().Should().Be(1);
        create.Context!["x"]!.GetValue<int>().Should().Be(1);
        create.Metadata["m"]!.GetValue<int>().Should().Be(1);
        create.IfExists.Should().Be("do_nothing");
        create.Name.Should().Be("N");
        create.Description.Should().Be("D");
        read.AssistantId.Should().Be("agent", "the JS server takes a graph id where an assistant id goes");
        versions.AssistantId.Should().Be(Requests.AssistantId);
        versions.Metadata["v"]!.GetValue<int>().Should().Be(1);
        update.AssistantId.Should().Be(Requests.AssistantId);
        update.GraphId.Should().Be("g");
        update.Name.Should().Be("N2");
        update.Description.Should().Be("D2");
        update.Metadata["m"]!.GetValue<int>().Should().Be(2);
        update.Version.Should().BeNull();
        latest.Version.Should().Be(3);
        delete.AssistantId.Should().Be(Requests.AssistantId);
        search.GraphId.Should().Be("agent");
        search.Metadata["owner"]!.GetValue<string>().Should().Be("a");
        search.Limit.Should().Be(2);
        search.Offset.Should().Be(4);
    }

    [Fact]
    public async Task Crons()
    {
        var create = await ValueOf<CronsCreate>("POST", $"/threads/{Requests.ThreadId}/runs/crons",
            """{"schedule":"*/5 * * * *","assistant_id":"agent","user_id":"u1","end_time":"2030-01-02T03:04:05Z"}""");
        var stateless = await ValueOf<CronsCreate>("POST", "/runs/crons", """{"schedule":"@daily"}""");
        var search = await ValueOf<CronsSearch>("POST", "/runs/crons/search", """{"assistant_id":"agent","thread_id":"t1","limit":7}""");
        var update = await ValueOf<CronsUpdate>("PATCH", $"/runs/crons/{Requests.CronId}", """{"schedule":"@hourly"}""");
        var delete = await ValueOf<CronsDelete>("DELETE", $"/runs/crons/{Requests.CronId}");

        create.ThreadId.Should().Be(Requests.ThreadId);
        create.Schedule.Should().Be("*/5 * * * *");
        create.UserId.Should().Be("u1");
        create.EndTime.Should().Be(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        create.Payload!["assistant_id"]!.GetValue<string>().Should().Be("agent");
        create.CronId.Should().BeNull();
        stateless.ThreadId.Should().BeNull();
        search.AssistantId.Should().Be("agent");
        search.ThreadId.Should().Be("t1");
        search.Limit.Should().Be(7);
        search.Offset.Should().Be(0);
        update.CronId.Should().Be(Requests.CronId);
        update.Schedule.Should().Be("@hourly");
        update.Payload!["schedule"]!.GetValue<string>().Should().Be("@hourly");
        delete.CronId.Should().Be(Requests.CronId);
    }

    [Fact]
    public async Task Store()
    {
        var put = await ValueOf<StorePut>("PUT", "/store/items", """{"namespace":["alice","notes"],"key":"k1","value":{"text":"hi"},"index":["text"]}""");
        var putNoIndex = await ValueOf<StorePut>("PUT", "/store/items", """{"namespace":["a"],"key":"k","value":{},"index":false}""");
        var get = await ValueOf<StoreGet>("GET", "/store/items?namespace=alice.notes&key=k1");
        var getNoNamespace = await ValueOf<StoreGet>("GET", "/store/items?key=k1");
        var delete = await ValueOf<StoreDelete>("DELETE", "/store/items", """{"namespace":["alice"],"key":"k1"}""");
        var search = await ValueOf<StoreSearch>("POST", "/store/items/search", """{"namespace_prefix":["alice"],"filter":{"text":"hi"},"limit":3,"offset":1,"query":"greeting"}""");
        var list = await ValueOf<StoreListNamespaces>("POST", "/store/namespaces", """{"prefix":["alice"],"suffix":["notes"],"max_depth":2}""");

        put.Namespace.Should().Equal("alice", "notes");
        put.Key.Should().Be("k1");
        put.Value!["text"]!.GetValue<string>().Should().Be("hi");
        put.Index!.ToJsonString().Should().Be("""["text"]""");
        putNoIndex.Index!.ToJsonString().Should().Be("false");
        get.Namespace.Should().Equal("alice", "notes");
        get.Key.Should().Be("k1");
        getNoNamespace.Namespace.Should().BeEmpty();
        delete.Namespace.Should().Equal("alice");
        delete.Key.Should().Be("k1");
        search.Namespace.Should().Equal("alice");
        search.Filter!["text"]!.GetValue<string>().Should().Be("hi");
        search.Limit.Should().Be(3);
        search.Offset.Should().Be(1);
        search.Query.Should().Be("greeting");
        list.Namespace.Should().Equal("alice");
        list.Suffix.Should().Equal("notes");
        list.MaxDepth.Should().Be(2);
        list.Limit.Should().Be(100);
        list.Offset.Should().Be(0);
    }

    [Fact]
    public async Task A_handler_may_rewrite_the_store_namespace()
    {
        var auth = new Auth().Authenticate(_ => "alice").On<StorePut>("store", "put", (ctx, value) =>
        {
            value.Namespace.Insert(0, ctx.User.Identity);
            return true;
        });

        var outcome = await auth.HandleAsync(Requests.Make("PUT", "/store/items", """{"namespace":["notes"],"key":"k","value":{}}"""));

        ((StorePut)outcome.Value!).Namespace.Should().Equal("alice", "notes");
    }

    [Fact]
    public async Task Mistyped_or_missing_fields_are_absent_rather_than_errors()
    {
        var search = await ValueOf<ThreadsSearch>("POST", "/threads/search", """{"metadata":"oops","limit":"5","ids":[1,"t2"],"status":null}""");
        var notAnObject = await ValueOf<ThreadsCreate>("POST", "/threads", "[1,2]");
        var batchNotAList = await new Auth().Authenticate(_ => "alice").HandleAsync(Requests.Make("POST", "/runs/batch", """{"assistant_id":"a"}"""));

        search.Metadata.Should().BeEmpty();
        search.Limit.Should().Be(10);
        search.Ids.Should().Equal("t2");
        search.Status.Should().BeNull();
        notAnObject.Metadata.Should().BeEmpty();
        batchNotAList.Value.Should().BeOfType<RunsCreate[]>().Which.Should().BeEmpty();
    }

    [Fact]
    public void Value_types_default_their_collections_and_never_hold_null_metadata_or_namespace()
    {
        var create = new ThreadsCreate { Metadata = null };
        var put = new StorePut { Namespace = null };

        create.Metadata.Should().NotBeNull().And.BeEmpty();
        put.Namespace.Should().NotBeNull().And.BeEmpty();
        new ThreadsSearch().Limit.Should().Be(10);
        new AssistantsSearch().Limit.Should().Be(10);
        new CronsSearch().Limit.Should().Be(10);
        new StoreSearch().Limit.Should().Be(10);
        new StoreListNamespaces().Limit.Should().Be(100);
        new CronsRead { CronId = "c" }.CronId.Should().Be("c");
        new StoreGet().Namespace.Should().BeEmpty();
    }
}

using System.Text.Json.Nodes;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Delegate;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Delegate;

/// <summary>An event's value as the server sends it, read into the engine's type and written back, field for field.</summary>
public sealed class DelegateValuesTests
{
    [Theory]
    [InlineData("threads", "create", """{"thread_id":"t","metadata":{"a":1},"if_exists":"raise","ttl":{"strategy":"delete","ttl":5}}""")]
    [InlineData("threads", "read", """{"thread_id":"t","run_id":"r"}""")]
    [InlineData("threads", "update", """{"thread_id":"t","metadata":{"run_ids":["r"],"status":"pending"},"action":"interrupt"}""")]
    [InlineData("threads", "delete", """{"thread_id":"t","run_id":"r"}""")]
    [InlineData("threads", "search", """{"metadata":{"a":"b"},"values":{"x":1},"status":"idle","limit":3,"offset":1,"ids":["t"],"thread_id":"t"}""")]
    [InlineData("threads", "create_run", """{"assistant_id":"a","thread_id":"t","run_id":"r","status":"pending","metadata":{},"prevent_insert_if_inflight":true,"multitask_strategy":"reject","if_not_exists":"create","after_seconds":0,"kwargs":{"input":{"x":1}},"action":null}""")]
    [InlineData("assistants", "create", """{"assistant_id":"a","graph_id":"g","config":{},"context":{"c":1},"metadata":{"m":1},"if_exists":"raise","name":"n","description":"d"}""")]
    [InlineData("assistants", "read", """{"assistant_id":"a","metadata":{}}""")]
    [InlineData("assistants", "update", """{"assistant_id":"a","graph_id":"g","config":{},"context":null,"metadata":{},"name":"n","description":null,"version":2}""")]
    [InlineData("assistants", "delete", """{"assistant_id":"a"}""")]
    [InlineData("assistants", "search", """{"graph_id":"g","metadata":{},"limit":10,"offset":0}""")]
    [InlineData("crons", "create", """{"payload":{"p":1},"schedule":"* * * * *","cron_id":"c","thread_id":"t","user_id":"u","end_time":"2026-01-02T03:04:05.0000000+00:00"}""")]
    [InlineData("crons", "read", """{"cron_id":"c"}""")]
    [InlineData("crons", "update", """{"cron_id":"c","payload":{},"schedule":"s"}""")]
    [InlineData("crons", "delete", """{"cron_id":"c"}""")]
    [InlineData("crons", "search", """{"assistant_id":"a","thread_id":"t","limit":10,"offset":0}""")]
    [InlineData("store", "put", """{"namespace":["alice","n"],"key":"k","value":{"v":1},"index":false}""")]
    [InlineData("store", "get", """{"namespace":["alice"],"key":"k"}""")]
    [InlineData("store", "delete", """{"namespace":["alice"],"key":"k"}""")]
    [InlineData("store", "search", """{"namespace":["alice"],"filter":{"f":1},"limit":10,"offset":0,"query":"q"}""")]
    [InlineData("store", "list_namespaces", """{"namespace":["alice"],"suffix":["s"],"max_depth":2,"limit":100,"offset":0}""")]
    public void Every_event_value_round_trips(string resource, string action, string json)
    {
        var value = DelegateValues.Read(resource, action, JsonNode.Parse(json)!.AsObject());

        JsonNode.DeepEquals(DelegateValues.Write(value), JsonNode.Parse(json)).Should().BeTrue(DelegateValues.Write(value).ToJsonString());
    }

    [Fact]
    public void Changed_names_exactly_the_fields_the_handler_changed()
    {
        var value = (StorePut)DelegateValues.Read("store", "put", JsonNode.Parse("""{"namespace":["n"],"key":"k","value":{"v":1}}""")!.AsObject());
        var before = DelegateValues.Write(value);

        value.Namespace.Insert(0, "alice");

        DelegateValues.Changed(before, DelegateValues.Write(value)).Should().Equal("namespace");
    }

    [Fact]
    public void A_missing_field_reads_as_absent_and_an_unknown_event_is_refused()
    {
        var value = (ThreadsCreate)DelegateValues.Read("threads", "create", new JsonObject());
        value.Metadata.Should().BeEmpty();
        value.ThreadId.Should().BeNull();

        var unknown = () => DelegateValues.Read("threads", "fly", new JsonObject());
        unknown.Should().Throw<System.ArgumentException>();
    }
}

using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Serialization;

public class UserJsonOptionsTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public void Default_options_are_read_only_web_defaults_with_snake_case()
    {
        var options = LangGraphJsonUtilities.DefaultOptions;

        options.IsReadOnly.Should().BeTrue();
        options.PropertyNamingPolicy.Should().Be(JsonNamingPolicy.SnakeCaseLower);
        options.PropertyNameCaseInsensitive.Should().BeTrue();
        JsonSerializer.Serialize(new KnownPayload("A", 1), options).Should().Be("""{"display_name":"A","retry_count":1}""");
    }

    [Fact]
    public async Task Without_options_user_values_are_snake_case()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["payload"] = new KnownPayload("Alice", 3) } });

        JsonAssert.Equal("""{"metadata":{"payload":{"display_name":"Alice","retry_count":3}}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task Custom_options_are_used_for_user_values()
    {
        RespondToAll(body: ServerJson.UpdateStateResponse);
        var client = CreateClient(o => o.JsonSerializerOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web));

        await client.Threads.UpdateStateAsync("t1", new KnownPayload("Alice", 3));

        JsonAssert.Equal("""{"values":{"displayName":"Alice","retryCount":3}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task Custom_options_do_not_change_the_wire_names_of_the_sdk()
    {
        RespondToAll(body: "[]");
        var client = CreateClient(o => o.JsonSerializerOptions = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        await client.Threads.SearchAsync(new ThreadSearchOptions { SortBy = ThreadSortBy.CreatedAt, Metadata = { ["some_key"] = 1 } });

        JsonAssert.Equal("""{"metadata":{"some_key":1},"limit":10,"offset":0,"sort_by":"created_at"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task A_source_generated_context_serves_its_types_and_the_sdks_common_shapes()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient(o => o.JsonSerializerOptions = new JsonSerializerOptions
        {
            TypeInfoResolver = TestPayloadContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        });

        await client.Threads.CreateAsync(new ThreadCreateOptions
        {
            Metadata = { ["payload"] = new KnownPayload("Alice", 3), ["list"] = new List<object?> { 1, "x" }, ["n"] = 1.5 },
        });

        JsonAssert.Equal("""{"metadata":{"payload":{"display-name":"Alice","retry-count":3},"list":[1,"x"],"n":1.5}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task A_type_unknown_to_the_options_is_an_ArgumentException_naming_the_value()
    {
        using var client = TestClients.Create(Url, o => o.JsonSerializerOptions = new JsonSerializerOptions { TypeInfoResolver = TestPayloadContext.Default });

        var act = () => client.Threads.CreateAsync(new ThreadCreateOptions { Metadata = { ["mystery"] = new UnknownPayload("x") } });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*metadata.mystery*UnknownPayload*");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public void The_callers_options_object_is_not_frozen_by_the_client()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        using var client = TestClients.Create(Url, o => o.JsonSerializerOptions = options);

        options.IsReadOnly.Should().BeFalse();
        var change = () => options.WriteIndented = true;
        change.Should().NotThrow();
    }
}

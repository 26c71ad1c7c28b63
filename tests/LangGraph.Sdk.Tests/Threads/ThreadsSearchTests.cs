using System.Collections.Generic;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsSearchTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task SearchAsync_without_options_sends_only_limit_and_offset()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        var threads = await client.Threads.SearchAsync();

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/search");
        request.RawQuery.Should().BeNullOrEmpty();
        JsonAssert.Equal("""{"limit":10,"offset":0}""", request.Body);
        threads.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchAsync_with_default_options_sends_only_limit_and_offset()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.SearchAsync(new ThreadSearchOptions());

        JsonAssert.Equal("""{"limit":10,"offset":0}""", SingleRequest().Body);
    }

    [Fact]
    public async Task SearchAsync_sends_every_field()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.SearchAsync(new ThreadSearchOptions
        {
            Metadata = { ["owner"] = "alice" },
            Values = { ["answer"] = 42 },
            Ids = { "t1", "t2" },
            Status = ThreadStatus.Interrupted,
            Limit = 5,
            Offset = 20,
            SortBy = ThreadSortBy.UpdatedAt,
            SortOrder = SortOrder.Descending,
            Select = { "thread_id", "status" },
            Extract = { ["last"] = "values.messages[-1]" },
        });

        JsonAssert.Equal(
            """
            {"metadata":{"owner":"alice"},"values":{"answer":42},"status":"interrupted","ids":["t1","t2"],
             "limit":5,"offset":20,"sort_by":"updated_at","sort_order":"desc",
             "select":["thread_id","status"],"extract":{"last":"values.messages[-1]"}}
            """,
            SingleRequest().Body);
    }

    [Fact]
    public async Task SearchAsync_omits_empty_collections()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();
        var options = new ThreadSearchOptions { Limit = 1 };
        options.Metadata.Clear();
        options.Ids.Clear();
        options.Select.Clear();
        options.Extract.Clear();

        await client.Threads.SearchAsync(options);

        JsonAssert.Equal("""{"limit":1,"offset":0}""", SingleRequest().Body);
    }

    [Theory]
    [InlineData("idle")]
    [InlineData("busy")]
    [InlineData("error")]
    [InlineData("some_future_status")]
    public async Task SearchAsync_sends_the_status_wire_value(string status)
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.SearchAsync(new ThreadSearchOptions { Status = status });

        JsonAssert.Equal($$"""{"status":"{{status}}","limit":10,"offset":0}""", SingleRequest().Body);
    }

    [Fact]
    public async Task SearchAsync_sends_ascending_sort_on_state_updated_at()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Threads.SearchAsync(new ThreadSearchOptions { SortBy = ThreadSortBy.StateUpdatedAt, SortOrder = SortOrder.Ascending });

        JsonAssert.Equal("""{"limit":10,"offset":0,"sort_by":"state_updated_at","sort_order":"asc"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task SearchAsync_returns_threads_with_extracted_values()
    {
        RespondToAll(body: $$$"""
            [{{{ServerJson.Thread}}},
             {"thread_id":"t2","created_at":"2025-10-01T12:00:00Z","updated_at":"2025-10-01T12:00:00Z","metadata":{},"status":"busy","extracted":{"last":"echo: hi"}}]
            """);
        var client = CreateClient();

        IReadOnlyList<LangGraphThread> threads = await client.Threads.SearchAsync();

        threads.Should().HaveCount(2);
        threads[0].ThreadId.Should().Be(ServerJson.ThreadId);
        threads[1].Status.Should().Be(ThreadStatus.Busy);
        threads[1].Extracted!["last"].GetString().Should().Be("echo: hi");
        threads[0].Extracted.Should().BeNull();
    }
}

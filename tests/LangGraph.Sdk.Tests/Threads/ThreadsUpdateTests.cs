using System;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsUpdateTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task UpdateAsync_sends_PATCH_with_metadata()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        var thread = await client.Threads.UpdateAsync("t1", new ThreadUpdateOptions { Metadata = { ["extra"] = 1 } });

        var request = SingleRequest();
        request.Method.Should().Be("PATCH");
        request.Path.Should().Be("/threads/t1");
        Header(request, "Content-Type").Should().Be("application/json");
        Header(request, "Prefer").Should().BeNull();
        JsonAssert.Equal("""{"metadata":{"extra":1}}""", request.Body);
        thread.Should().NotBeNull();
        thread!.ThreadId.Should().Be(ServerJson.ThreadId);
    }

    [Fact]
    public async Task UpdateAsync_always_sends_metadata_even_when_empty()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.UpdateAsync("t1", new ThreadUpdateOptions());

        JsonAssert.Equal("""{"metadata":{}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateAsync_sends_ttl_normalised()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.UpdateAsync("t1", new ThreadUpdateOptions { Metadata = { ["a"] = "b" }, Ttl = 30 });

        JsonAssert.Equal("""{"metadata":{"a":"b"},"ttl":{"ttl":30,"strategy":"delete"}}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateAsync_with_ReturnMinimal_sends_Prefer_and_returns_null_even_when_the_server_sends_a_body()
    {
        // The JS server ignores the header and sends the full thread; the SDK still returns null.
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        var result = await client.Threads.UpdateAsync("t1", new ThreadUpdateOptions { ReturnMinimal = true });

        result.Should().BeNull();
        Header(SingleRequest(), "Prefer").Should().Be("return=minimal");
    }

    [Fact]
    public async Task UpdateAsync_with_ReturnMinimal_accepts_an_empty_204()
    {
        RespondToAll(204, body: null);
        var client = CreateClient();

        var result = await client.Threads.UpdateAsync("t1", new ThreadUpdateOptions { ReturnMinimal = true });

        result.Should().BeNull();
    }

    [Fact]
    public async Task UpdateAsync_per_call_Prefer_header_wins_over_the_method_header()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = CreateClient();

        await client.Threads.UpdateAsync("t1", new ThreadUpdateOptions { ReturnMinimal = true, Headers = { ["prefer"] = "return=representation" } });

        Header(SingleRequest(), "Prefer").Should().Be("return=representation");
    }

    [Fact]
    public async Task UpdateAsync_requires_options()
    {
        var client = CreateClient();

        var act = () => client.Threads.UpdateAsync("t1", null!);

        await act.Should().ThrowAsync<ArgumentNullException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateAsync_of_another_users_thread_throws_not_found()
    {
        RespondToAll(404, "Thread not found", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Threads.UpdateAsync("t1", new ThreadUpdateOptions());

        (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("Thread not found");
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

/// <summary>Ids go into the path as one escaped segment, and ids that would change the route are refused.</summary>
public class ThreadIdTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static readonly string[] Methods =
    [
        "Get", "Update", "Delete", "Copy", "GetState", "GetStateAtCheckpointId", "UpdateState", "GetHistory", "JoinStream",
    ];

    public static IEnumerable<object[]> BadIdsForEveryMethod() =>
        from method in Methods
        from id in new[] { ".", "..", "", "   " }
        select new object[] { method, id };

    private static async Task CallAsync(ThreadsClient threads, string method, string id)
    {
        switch (method)
        {
            case "Get": await threads.GetAsync(id); break;
            case "Update": await threads.UpdateAsync(id, new ThreadUpdateOptions()); break;
            case "Delete": await threads.DeleteAsync(id); break;
            case "Copy": await threads.CopyAsync(id); break;
            case "GetState": await threads.GetStateAsync(id); break;
            case "GetStateAtCheckpointId": await threads.GetStateAsync("t1", new ThreadGetStateOptions { CheckpointId = id is "" ? "." : id }); break;
            case "UpdateState": await threads.UpdateStateAsync(id, null); break;
            case "GetHistory": await threads.GetHistoryAsync(id); break;
            case "JoinStream":
                await foreach (var _ in threads.JoinStreamAsync(id))
                {
                }

                break;
            default: throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }

    [Theory]
    [MemberData(nameof(BadIdsForEveryMethod))]
    public async Task Dot_segments_and_empty_ids_are_refused_before_any_request(string method, string id)
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        var act = () => CallAsync(client.Threads, method, id);

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_null_id_is_refused_with_ArgumentNullException()
    {
        var client = CreateClient();

        var act = () => client.Threads.GetAsync(null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("threadId");
        Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [InlineData("a/b", "/threads/a%2Fb")]
    [InlineData("with space", "/threads/with%20space")]
    [InlineData("q?x=1#frag", "/threads/q%3Fx%3D1%23frag")]
    [InlineData("100%", "/threads/100%25")]
    [InlineData("a+b", "/threads/a%2Bb")]
    [InlineData("...", "/threads/...")]
    [InlineData("..a", "/threads/..a")]
    [InlineData("é", "/threads/%C3%A9")]
    public async Task Ids_are_escaped_as_one_path_segment(string id, string expectedPath)
    {
        RespondToAll(body: ServerJson.Thread);
        using var handler = StubHttpHandler.Recording();
        using var http = new HttpClient(handler);
        var client = CreateClient(httpClient: http);

        await client.Threads.GetAsync(id);

        handler.Seen.Should().ContainSingle().Which.PathAndQuery.Should().Be(expectedPath);
        Server.LogEntries.Should().ContainSingle("the escaped id reached the server as one route");
    }

    [Fact]
    public async Task Escaped_ids_keep_the_rest_of_the_route()
    {
        RespondToAll(body: ServerJson.Thread);
        using var handler = StubHttpHandler.Recording();
        using var http = new HttpClient(handler);
        var client = CreateClient(httpClient: http);

        await client.Threads.CopyAsync("a/b c");
        await client.Threads.UpdateAsync("../x", new ThreadUpdateOptions());

        handler.Seen.Select(r => r.PathAndQuery).Should().Equal("/threads/a%2Fb%20c/copy", "/threads/..%2Fx");
    }

    [Fact]
    public async Task Checkpoint_ids_are_escaped_too()
    {
        RespondToAll(body: ServerJson.EmptyState);
        using var handler = StubHttpHandler.Recording();
        using var http = new HttpClient(handler);
        var client = CreateClient(httpClient: http);

        await client.Threads.GetStateAsync("t/1", new ThreadGetStateOptions { CheckpointId = "cp/2 x" });

        handler.Seen.Should().ContainSingle().Which.PathAndQuery.Should().Be("/threads/t%2F1/state/cp%2F2%20x?subgraphs=false");
    }

    [Fact]
    public async Task The_api_url_path_is_kept_as_a_prefix()
    {
        RespondToAll(body: ServerJson.Thread);
        var client = TestClients.Create(Url + "/prefix/", environment: Env.Empty);
        using (client)
        {
            await client.Threads.GetAsync("t1");
        }

        SingleRequest().Path.Should().Be("/prefix/threads/t1");
    }
}

using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Threads;

public abstract class ThreadsSearchScenarios(AuthServerFixture server)
{
    [Fact]
    public async Task Search_is_scoped_to_each_user()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var marker = LangGraphServerFixture.NewMarker();
        var a1 = await alice.Threads.CreateAsync(WithMarker(marker));
        var a2 = await alice.Threads.CreateAsync(WithMarker(marker));
        var b1 = await bob.Threads.CreateAsync(WithMarker(marker));

        var aliceSees = await alice.Threads.SearchAsync(SearchFor(marker));
        var bobSees = await bob.Threads.SearchAsync(SearchFor(marker));

        aliceSees.Select(t => t.ThreadId).Should().BeEquivalentTo([a1.ThreadId, a2.ThreadId]);
        bobSees.Select(t => t.ThreadId).Should().BeEquivalentTo([b1.ThreadId]);
        aliceSees.Should().OnlyContain(t => t.Metadata["owner"].GetString() == "alice");
    }

    [Fact]
    public async Task Search_without_options_returns_only_the_callers_threads()
    {
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        await bob.Threads.CreateAsync();

        var threads = await bob.Threads.SearchAsync();

        threads.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(10);
        threads.Should().OnlyContain(t => t.Metadata["owner"].GetString() == "bob");
    }

    [Fact]
    public async Task Search_pages_and_sorts()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        var created = new System.Collections.Generic.List<LangGraphThread>();
        for (var i = 0; i < 3; i++)
        {
            created.Add(await alice.Threads.CreateAsync(WithMarker(marker)));
        }

        var ascending = SearchFor(marker);
        ascending.SortBy = ThreadSortBy.CreatedAt;
        ascending.SortOrder = SortOrder.Ascending;
        var all = await alice.Threads.SearchAsync(ascending);

        var page = SearchFor(marker);
        page.SortBy = ThreadSortBy.CreatedAt;
        page.SortOrder = SortOrder.Ascending;
        page.Limit = 1;
        page.Offset = 1;
        var second = await alice.Threads.SearchAsync(page);

        all.Select(t => t.ThreadId).Should().Equal(created.Select(t => t.ThreadId));
        second.Should().ContainSingle().Which.ThreadId.Should().Be(created[1].ThreadId);
    }

    [Fact]
    public async Task Search_by_ids_status_and_selected_fields()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        var wanted = await alice.Threads.CreateAsync(WithMarker(marker));
        await alice.Threads.CreateAsync(WithMarker(marker));

        var options = new ThreadSearchOptions { Status = ThreadStatus.Idle };
        options.Ids.Add(wanted.ThreadId);
        options.Select.Add("thread_id");
        options.Select.Add("status");
        var found = await alice.Threads.SearchAsync(options);

        var only = found.Should().ContainSingle().Which;
        only.ThreadId.Should().Be(wanted.ThreadId);
        only.Status.Should().Be(ThreadStatus.Idle);
        only.Metadata.Should().BeEmpty("metadata was not selected");

        var busy = new ThreadSearchOptions { Status = ThreadStatus.Busy };
        busy.Ids.Add(wanted.ThreadId);
        (await alice.Threads.SearchAsync(busy)).Should().BeEmpty();
    }

    [Fact]
    public async Task Count_counts_only_the_callers_matching_threads()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var marker = LangGraphServerFixture.NewMarker();
        await alice.Threads.CreateAsync(WithMarker(marker));
        await alice.Threads.CreateAsync(WithMarker(marker));
        await bob.Threads.CreateAsync(WithMarker(marker));

        var count = new ThreadCountOptions();
        count.Metadata["marker"] = marker;

        (await alice.Threads.CountAsync(count)).Should().Be(2);
        (await bob.Threads.CountAsync(count)).Should().Be(1);
    }

    private static ThreadCreateOptions WithMarker(string marker)
    {
        var options = new ThreadCreateOptions();
        options.Metadata["marker"] = marker;
        return options;
    }

    private static ThreadSearchOptions SearchFor(string marker)
    {
        var options = new ThreadSearchOptions();
        options.Metadata["marker"] = marker;
        return options;
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class ThreadsSearchTests(LangGraphServerFixture server) : ThreadsSearchScenarios(server);

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Assistants;

/// <summary>Create, update, versions, search, count and delete of assistants each test makes for itself.</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class AssistantsLifecycleTests(LangGraphServerFixture server)
{
    private static AssistantCreateOptions Tagged(string marker, string? name = null)
    {
        var options = new AssistantCreateOptions { Name = name };
        options.Metadata["marker"] = marker;
        return options;
    }

    [Fact]
    public async Task Create_sends_every_field_and_the_server_keeps_them()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        var id = Guid.NewGuid().ToString();

        var created = await alice.Assistants.CreateAsync("echo", new AssistantCreateOptions
        {
            AssistantId = id,
            Config = new RunConfig { Configurable = { ["x"] = 1 } },
            Context = new Dictionary<string, object?> { ["c"] = 2 },
            Metadata = { ["marker"] = marker },
            Name = "mine",
            Description = "desc",
            IfExists = OnConflictBehavior.Raise,
        });

        created.AssistantId.Should().Be(id);
        created.GraphId.Should().Be("echo");
        created.Version.Should().Be(1);
        created.Name.Should().Be("mine");
        created.Description.Should().Be("desc");
        created.Metadata["marker"].GetString().Should().Be(marker);
        created.Config!.Value.GetProperty("configurable").GetProperty("x").GetInt32().Should().Be(1);
        created.Context!.Value.GetProperty("c").GetInt32().Should().Be(2);
        var fetched = await alice.Assistants.GetAsync(id);
        fetched.Name.Should().Be("mine");
        fetched.CreatedAt.Should().Be(created.CreatedAt);
        fetched.Context!.Value.GetProperty("c").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Create_without_a_name_is_Untitled()
    {
        using var alice = server.CreateClient();

        var created = await alice.Assistants.CreateAsync("echo");

        created.Name.Should().Be("Untitled");
        Guid.TryParse(created.AssistantId, out _).Should().BeTrue();
        await alice.Assistants.DeleteAsync(created.AssistantId);
    }

    [Fact]
    public async Task Create_an_existing_id_raises_409_unless_do_nothing()
    {
        using var alice = server.CreateClient();
        var id = Guid.NewGuid().ToString();
        var first = await alice.Assistants.CreateAsync("echo", new AssistantCreateOptions { AssistantId = id, Name = "first" });

        var raise = () => alice.Assistants.CreateAsync("echo", new AssistantCreateOptions { AssistantId = id, IfExists = OnConflictBehavior.Raise });
        var again = await alice.Assistants.CreateAsync("slow", new AssistantCreateOptions { AssistantId = id, IfExists = OnConflictBehavior.DoNothing });

        (await raise.Should().ThrowAsync<LangGraphConflictException>()).Which.Detail.Should().Be("Assistant already exists");
        again.AssistantId.Should().Be(first.AssistantId);
        again.GraphId.Should().Be("echo", "the existing assistant is returned unchanged");
        again.Name.Should().Be("first");
        again.CreatedAt.Should().Be(first.CreatedAt);
    }

    [Fact]
    public async Task Update_makes_a_new_version_that_SetLatest_can_roll_back()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        var created = await alice.Assistants.CreateAsync("echo", new AssistantCreateOptions
        {
            Config = new RunConfig { Configurable = { ["x"] = 1 } },
            Metadata = { ["marker"] = marker, ["stage"] = "one" },
            Name = "v1",
        });

        var updated = await alice.Assistants.UpdateAsync(created.AssistantId, new AssistantUpdateOptions
        {
            Name = "v2",
            Config = new RunConfig(),
            Metadata = { ["stage"] = "two" },
        });

        updated.Version.Should().Be(2);
        updated.Name.Should().Be("v2");
        updated.Config!.Value.GetRawText().Should().Be("{}", "an empty config is sent, as Python sends {}");
        updated.Metadata["marker"].GetString().Should().Be(marker, "metadata is merged");
        updated.Metadata["stage"].GetString().Should().Be("two");

        var versions = await alice.Assistants.GetVersionsAsync(created.AssistantId);
        versions.Select(v => v.Version).Should().Equal(2, 1);
        versions[1].Name.Should().Be("v1");
        versions[1].Config!.Value.GetProperty("configurable").GetProperty("x").GetInt32().Should().Be(1);

        var filtered = await alice.Assistants.GetVersionsAsync(created.AssistantId, new AssistantGetVersionsOptions { Metadata = { ["stage"] = "one" } });
        filtered.Should().ContainSingle().Which.Version.Should().Be(1);
        var paged = await alice.Assistants.GetVersionsAsync(created.AssistantId, new AssistantGetVersionsOptions { Limit = 1, Offset = 1 });
        paged.Should().ContainSingle().Which.Version.Should().Be(1);

        var rolledBack = await alice.Assistants.SetLatestAsync(created.AssistantId, 1);
        rolledBack.Version.Should().Be(1);
        rolledBack.Name.Should().Be("v1");
        (await alice.Assistants.GetAsync(created.AssistantId)).Name.Should().Be("v1");
    }

    [Fact]
    public async Task Update_can_move_an_assistant_to_another_graph()
    {
        using var alice = server.CreateClient();
        var created = await alice.Assistants.CreateAsync("echo");

        var moved = await alice.Assistants.UpdateAsync(created.AssistantId, new AssistantUpdateOptions { GraphId = "slow", Description = "now slow" });

        moved.GraphId.Should().Be("slow");
        moved.Description.Should().Be("now slow");
    }

    [Fact]
    public async Task Search_and_count_filter_by_metadata_graph_and_name()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        await alice.Assistants.CreateAsync("echo", Tagged(marker, "alpha " + marker));
        await alice.Assistants.CreateAsync("echo", Tagged(marker, "beta " + marker));
        await alice.Assistants.CreateAsync("slow", Tagged(marker, "gamma " + marker));

        var all = await alice.Assistants.SearchAsync(new AssistantSearchOptions
        {
            Metadata = { ["marker"] = marker },
            SortBy = AssistantSortBy.Name,
            SortOrder = SortOrder.Ascending,
        });
        var echoOnly = await alice.Assistants.SearchAsync(new AssistantSearchOptions { Metadata = { ["marker"] = marker }, GraphId = "echo" });
        var byName = await alice.Assistants.SearchAsync(new AssistantSearchOptions { Name = "BETA " + marker });
        var selected = await alice.Assistants.SearchAsync(new AssistantSearchOptions { Metadata = { ["marker"] = marker }, Select = { "assistant_id", "name" } });

        // The JS dev server accepts sort_by/sort_order but ignores them for assistants (newest first, always).
        all.Select(a => a.Name).Should().BeEquivalentTo(["alpha " + marker, "beta " + marker, "gamma " + marker]);
        echoOnly.Should().HaveCount(2).And.OnlyContain(a => a.GraphId == "echo");
        byName.Should().ContainSingle().Which.Name.Should().Be("beta " + marker);
        selected.Should().HaveCount(3).And.OnlyContain(a => a.GraphId.Length == 0 && a.Metadata.Count == 0 && a.Name!.EndsWith(marker, StringComparison.Ordinal));

        (await alice.Assistants.CountAsync(new AssistantCountOptions { Metadata = { ["marker"] = marker } })).Should().Be(3);
        (await alice.Assistants.CountAsync(new AssistantCountOptions { Metadata = { ["marker"] = marker }, GraphId = "slow" })).Should().Be(1);
        (await alice.Assistants.CountAsync(new AssistantCountOptions { Name = "alpha " + marker })).Should().Be(1);
        (await alice.Assistants.CountAsync()).Should().BeGreaterThanOrEqualTo(7, "the 4 system assistants and these 3");
    }

    [Fact]
    public async Task SearchPage_reads_the_X_Pagination_Next_header_when_the_server_sends_it()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        for (var i = 0; i < 3; i++)
        {
            await alice.Assistants.CreateAsync("echo", Tagged(marker, $"a{i}"));
        }

        // The JS dev server's quirk (tests/server/README.md, pagination): it sends X-Pagination-Next = offset + n only
        // when the n matching assistants exactly fill the limit, and no cursor otherwise.
        var full = await alice.Assistants.SearchPageAsync(new AssistantSearchOptions { Metadata = { ["marker"] = marker }, Limit = 3 });
        var after = await alice.Assistants.SearchPageAsync(new AssistantSearchOptions { Metadata = { ["marker"] = marker }, Limit = 3, Offset = int.Parse(full.Next!, System.Globalization.CultureInfo.InvariantCulture) });
        var partial = await alice.Assistants.SearchPageAsync(new AssistantSearchOptions { Metadata = { ["marker"] = marker }, Limit = 2 });

        full.Items.Select(a => a.Name).Should().BeEquivalentTo(["a0", "a1", "a2"]);
        full.Next.Should().Be("3");
        after.Items.Should().BeEmpty();
        after.Next.Should().BeNull();
        partial.Items.Should().HaveCount(2);
        partial.Next.Should().BeNull("the JS server announces no next page here, although a third assistant matches");
    }

    [Fact]
    public async Task Delete_removes_the_assistant()
    {
        using var alice = server.CreateClient();
        var created = await alice.Assistants.CreateAsync("echo");

        await alice.Assistants.DeleteAsync(created.AssistantId);

        var get = () => alice.Assistants.GetAsync(created.AssistantId);
        (await get.Should().ThrowAsync<LangGraphNotFoundException>()).Which.Detail.Should().Be("Assistant not found");
        var deleteAgain = () => alice.Assistants.DeleteAsync(created.AssistantId);
        await deleteAgain.Should().ThrowAsync<LangGraphNotFoundException>();
    }

    [Fact]
    public async Task Delete_with_DeleteThreads_removes_the_assistants_threads()
    {
        using var alice = server.CreateClient();
        var created = await alice.Assistants.CreateAsync("echo");
        var threadOptions = new ThreadCreateOptions();
        threadOptions.Metadata["assistant_id"] = created.AssistantId;
        var thread = await alice.Threads.CreateAsync(threadOptions);
        var other = await alice.Threads.CreateAsync();

        await alice.Assistants.DeleteAsync(created.AssistantId, new AssistantDeleteOptions { DeleteThreads = true });

        var get = () => alice.Threads.GetAsync(thread.ThreadId);
        await get.Should().ThrowAsync<LangGraphNotFoundException>();
        (await alice.Threads.GetAsync(other.ThreadId)).ThreadId.Should().Be(other.ThreadId);
    }

    [Fact]
    public async Task Assistants_have_no_auth_rule_so_another_user_sees_them()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var created = await alice.Assistants.CreateAsync("echo");

        (await bob.Assistants.GetAsync(created.AssistantId)).AssistantId.Should().Be(created.AssistantId);
    }
}

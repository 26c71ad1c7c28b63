using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Store;

/// <summary>
/// Every store method against the real server, in a namespace of alice's own (the fixture's auth requires the first
/// label to be the caller's identity), with a unique second label per test.
/// </summary>
public abstract class StoreScenarios(AuthServerFixture server)
{
    private static Dictionary<string, object?> Value(params (string Key, object? Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Put_then_get_returns_the_item()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();

        await alice.Store.PutItemAsync(["alice", marker], "prefs", Value(("theme", "dark"), ("size", 12)));
        var item = await alice.Store.GetItemAsync(["alice", marker], "prefs");

        item.Should().NotBeNull();
        item!.Namespace.Should().Equal("alice", marker);
        item.Key.Should().Be("prefs");
        item.Value.GetProperty("theme").GetString().Should().Be("dark");
        item.Value.GetProperty("size").GetInt32().Should().Be(12);
        item.CreatedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
        item.UpdatedAt.Should().BeOnOrAfter(item.CreatedAt);
    }

    [Fact]
    public async Task Put_replaces_the_value_and_keeps_the_creation_time()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        await alice.Store.PutItemAsync(["alice", marker], "k", Value(("v", 1)));
        var first = await alice.Store.GetItemAsync(["alice", marker], "k");

        await alice.Store.PutItemAsync(["alice", marker], "k", Value(("v", 2)), new StorePutItemOptions { DisableIndex = true, Ttl = 30 });
        var second = await alice.Store.GetItemAsync(["alice", marker], "k", new StoreGetItemOptions { RefreshTtl = true });

        second!.Value.GetProperty("v").GetInt32().Should().Be(2);
        second.CreatedAt.Should().Be(first!.CreatedAt);
    }

    [Fact]
    public async Task Put_with_index_fields_is_accepted()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();

        await alice.Store.PutItemAsync(["alice", marker], "doc", Value(("title", "hello")), new StorePutItemOptions { Index = ["title"] });

        (await alice.Store.GetItemAsync(["alice", marker], "doc"))!.Value.GetProperty("title").GetString().Should().Be("hello");
    }

    [Fact]
    public async Task Get_of_a_missing_item_is_null()
    {
        using var alice = server.CreateClient();

        (await alice.Store.GetItemAsync(["alice", LangGraphServerFixture.NewMarker()], "nothing")).Should().BeNull();
    }

    [Fact]
    public async Task Delete_removes_the_item_and_deleting_again_succeeds()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        await alice.Store.PutItemAsync(["alice", marker], "n1", Value(("text", "x")));

        await alice.Store.DeleteItemAsync(["alice", marker], "n1");

        (await alice.Store.GetItemAsync(["alice", marker], "n1")).Should().BeNull();
        await alice.Store.DeleteItemAsync(["alice", marker], "n1");
    }

    [Fact]
    public async Task Search_finds_the_items_under_a_prefix_with_filter_and_paging()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        await alice.Store.PutItemAsync(["alice", marker, "prefs"], "theme", Value(("color", "blue")));
        await alice.Store.PutItemAsync(["alice", marker, "notes"], "n1", Value(("color", "red")));
        await alice.Store.PutItemAsync(["alice", marker, "notes"], "n2", Value(("color", "blue")));

        var all = await alice.Store.SearchItemsAsync(["alice", marker]);
        var blue = await alice.Store.SearchItemsAsync(["alice", marker], new StoreSearchItemsOptions { Filter = { ["color"] = "blue" }, Limit = 5 });
        var notes = await alice.Store.SearchItemsAsync(["alice", marker, "notes"], new StoreSearchItemsOptions { RefreshTtl = false });
        var page = await alice.Store.SearchItemsAsync(["alice", marker], new StoreSearchItemsOptions { Limit = 1, Offset = 1 });
        var queried = await alice.Store.SearchItemsAsync(["alice", marker], new StoreSearchItemsOptions { Query = "blue things" });

        all.Select(i => i.Key).Should().BeEquivalentTo(["theme", "n1", "n2"]);
        all.Should().OnlyContain(i => i.Score == null, "the JS server has no search index, so no score");
        blue.Select(i => i.Key).Should().BeEquivalentTo(["theme", "n2"]);
        notes.Select(i => i.Key).Should().BeEquivalentTo(["n1", "n2"]);
        notes.Should().OnlyContain(i => i.Namespace.SequenceEqual(new[] { "alice", marker, "notes" }));
        page.Should().ContainSingle();
        queried.Should().HaveCount(3, "without an index the query does not narrow the results");
    }

    [Fact]
    public async Task ListNamespaces_lists_by_prefix_suffix_and_depth()
    {
        using var alice = server.CreateClient();
        var marker = LangGraphServerFixture.NewMarker();
        await alice.Store.PutItemAsync(["alice", marker, "prefs"], "k", Value(("a", 1)));
        await alice.Store.PutItemAsync(["alice", marker, "notes"], "k", Value(("a", 1)));

        var all = await alice.Store.ListNamespacesAsync(new StoreListNamespacesOptions { Prefix = ["alice", marker] });
        var bySuffix = await alice.Store.ListNamespacesAsync(new StoreListNamespacesOptions { Prefix = ["alice", marker], Suffix = ["prefs"] });
        var shallow = await alice.Store.ListNamespacesAsync(new StoreListNamespacesOptions { Prefix = ["alice", marker], MaxDepth = 2 });
        var limited = await alice.Store.ListNamespacesAsync(new StoreListNamespacesOptions { Prefix = ["alice", marker], Limit = 1 });

        all.Select(n => string.Join("/", n)).Should().BeEquivalentTo([$"alice/{marker}/notes", $"alice/{marker}/prefs"]);
        bySuffix.Should().ContainSingle().Which.Should().Equal("alice", marker, "prefs");
        shallow.Should().ContainSingle().Which.Should().Equal("alice", marker);
        limited.Should().ContainSingle();
    }

    [Fact]
    public async Task Another_users_namespace_is_403_for_every_method()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var marker = LangGraphServerFixture.NewMarker();
        await bob.Store.PutItemAsync(["bob", marker], "secret", Value(("pin", 1234)));

        var calls = new Dictionary<string, Func<Task>>
        {
            ["put"] = () => alice.Store.PutItemAsync(["bob", marker], "k", Value(("x", 1))),
            ["get"] = () => alice.Store.GetItemAsync(["bob", marker], "secret"),
            ["delete"] = () => alice.Store.DeleteItemAsync(["bob", marker], "secret"),
            ["search"] = () => alice.Store.SearchItemsAsync(["bob"]),
            ["list"] = () => alice.Store.ListNamespacesAsync(new StoreListNamespacesOptions { Prefix = ["bob"] }),
            ["search without prefix"] = () => alice.Store.SearchItemsAsync([]),
            ["list without prefix"] = () => alice.Store.ListNamespacesAsync(),
        };

        foreach (var (name, call) in calls)
        {
            var ex = (await call.Should().ThrowAsync<LangGraphApiException>(name)).Which;
            ex.StatusCode.Should().Be(403, name);
            ex.Detail.Should().Be("Not authorized", name);
        }

        (await bob.Store.GetItemAsync(["bob", marker], "secret"))!.Value.GetProperty("pin").GetInt32().Should().Be(1234, "alice's delete was refused");
    }

    [Fact]
    public async Task Each_user_works_in_their_own_namespace()
    {
        using var alice = server.CreateClient(LangGraphServerFixture.AliceToken);
        using var bob = server.CreateClient(LangGraphServerFixture.BobToken);
        var marker = LangGraphServerFixture.NewMarker();

        await alice.Store.PutItemAsync(["alice", marker], "k", Value(("who", "alice")));
        await bob.Store.PutItemAsync(["bob", marker], "k", Value(("who", "bob")));

        (await alice.Store.GetItemAsync(["alice", marker], "k"))!.Value.GetProperty("who").GetString().Should().Be("alice");
        (await bob.Store.GetItemAsync(["bob", marker], "k"))!.Value.GetProperty("who").GetString().Should().Be("bob");
        (await bob.Store.ListNamespacesAsync(new StoreListNamespacesOptions { Prefix = ["bob", marker] })).Should().ContainSingle();
    }

    [Fact]
    public async Task A_label_with_a_period_is_refused_before_the_server_sees_it()
    {
        using var alice = server.CreateClient();

        var act = () => alice.Store.PutItemAsync(["alice", "v1.2"], "k", Value(("x", 1)));

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("'v1.2'");
    }
}

/// <summary>The scenarios against the JS server's own auth (tests/server/src/auth.ts).</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class StoreTests(LangGraphServerFixture server) : StoreScenarios(server);

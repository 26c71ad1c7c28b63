using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Store;

/// <summary>SearchItems and ListNamespaces: bodies (provided values only) and the typed results.</summary>
public class StoreSearchTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task SearchItemsAsync_sends_the_prefix_limit_and_offset_and_reads_the_items()
    {
        RespondToAll(body: """
            {"items":[{"value":{"color":"blue"},"key":"theme","namespace":["alice","prefs"],"created_at":"2025-10-01T12:00:00Z","updated_at":"2025-10-01T12:00:00Z"},
                      {"value":{"text":"hi"},"key":"n1","namespace":["alice","notes"],"created_at":"2025-10-01T12:00:00Z","updated_at":"2025-10-01T12:00:00Z","score":0.75}]}
            """);
        var client = CreateClient();

        var items = await client.Store.SearchItemsAsync(["alice"]);

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/store/items/search");
        JsonAssert.Equal("""{"namespace_prefix":["alice"],"limit":10,"offset":0}""", request.Body);
        items.Should().HaveCount(2);
        items[0].Key.Should().Be("theme");
        items[0].Score.Should().BeNull("the JS server sends no score");
        items[1].Namespace.Should().Equal("alice", "notes");
        items[1].Value.GetProperty("text").GetString().Should().Be("hi");
        items[1].Score.Should().Be(0.75);
    }

    [Fact]
    public async Task SearchItemsAsync_sends_every_field()
    {
        RespondToAll(body: """{"items":[]}""");
        var client = CreateClient();

        await client.Store.SearchItemsAsync(["alice", "docs"], new StoreSearchItemsOptions
        {
            Filter = { ["color"] = "blue" },
            Limit = 5,
            Offset = 10,
            Query = "dark themes",
            RefreshTtl = false,
        });

        JsonAssert.Equal(
            """{"namespace_prefix":["alice","docs"],"filter":{"color":"blue"},"limit":5,"offset":10,"query":"dark themes","refresh_ttl":false}""",
            SingleRequest().Body);
    }

    [Fact]
    public async Task SearchItemsAsync_sends_an_empty_prefix_as_an_empty_list()
    {
        RespondToAll(body: """{"items":[]}""");
        var client = CreateClient();

        var items = await client.Store.SearchItemsAsync([]);

        JsonAssert.Equal("""{"namespace_prefix":[],"limit":10,"offset":0}""", SingleRequest().Body);
        items.Should().BeEmpty();
    }

    [Fact]
    public async Task SearchItemsAsync_tolerates_a_missing_items_list()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        (await client.Store.SearchItemsAsync(["alice"])).Should().BeEmpty();
    }

    [Fact]
    public async Task ListNamespacesAsync_without_options_sends_limit_100_and_offset_0()
    {
        RespondToAll(body: """{"namespaces":[["alice","notes"],["alice","prefs"]]}""");
        var client = CreateClient();

        var namespaces = await client.Store.ListNamespacesAsync();

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/store/namespaces");
        JsonAssert.Equal("""{"limit":100,"offset":0}""", request.Body);
        namespaces.Should().HaveCount(2);
        namespaces[0].Should().Equal("alice", "notes");
        namespaces[1].Should().Equal("alice", "prefs");
    }

    [Fact]
    public async Task ListNamespacesAsync_sends_every_field()
    {
        RespondToAll(body: """{"namespaces":[["alice"]]}""");
        var client = CreateClient();

        var namespaces = await client.Store.ListNamespacesAsync(new StoreListNamespacesOptions
        {
            Prefix = ["alice"],
            Suffix = ["*", "prefs"],
            MaxDepth = 1,
            Limit = 3,
            Offset = 2,
        });

        JsonAssert.Equal("""{"prefix":["alice"],"suffix":["*","prefs"],"max_depth":1,"limit":3,"offset":2}""", SingleRequest().Body);
        namespaces.Should().ContainSingle().Which.Should().Equal("alice");
    }

    [Fact]
    public async Task ListNamespacesAsync_tolerates_a_missing_list()
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        (await client.Store.ListNamespacesAsync()).Should().BeEmpty();
    }
}

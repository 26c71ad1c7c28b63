using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Store;

/// <summary>PutItem, GetItem and DeleteItem: routes, bodies, queries and the namespace label rule.</summary>
public class StoreItemsTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    /// <summary><c>GET /store/items?namespace=alice.prefs&amp;key=theme</c> on the JS server.</summary>
    private const string ItemJson = """
        {"value":{"color":"blue"},"key":"theme","namespace":["alice","prefs"],"created_at":"2025-10-01T12:00:00.247Z","updated_at":"2025-10-01T12:00:05.000Z"}
        """;

    [Fact]
    public async Task PutItemAsync_sends_PUT_with_namespace_key_and_value_only()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Store.PutItemAsync(["alice", "prefs"], "theme", new Dictionary<string, object?> { ["color"] = "blue" });

        var request = SingleRequest();
        request.Method.Should().Be("PUT");
        request.Path.Should().Be("/store/items");
        request.RawQuery.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().StartWith("application/json");
        JsonAssert.Equal("""{"namespace":["alice","prefs"],"key":"theme","value":{"color":"blue"}}""", request.Body);
    }

    [Fact]
    public async Task PutItemAsync_sends_index_fields_and_ttl()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Store.PutItemAsync(["alice"], "doc", new Dictionary<string, object?> { ["title"] = "t" },
            new StorePutItemOptions { Index = ["title", "content.text"], Ttl = 60 });

        JsonAssert.Equal(
            """{"namespace":["alice"],"key":"doc","value":{"title":"t"},"index":["title","content.text"],"ttl":60}""",
            SingleRequest().Body);
    }

    [Fact]
    public async Task PutItemAsync_sends_index_false_when_indexing_is_disabled()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Store.PutItemAsync(["alice"], "doc", new Dictionary<string, object?>(), new StorePutItemOptions { DisableIndex = true });

        JsonAssert.Equal("""{"namespace":["alice"],"key":"doc","value":{},"index":false}""", SingleRequest().Body);
    }

    [Fact]
    public async Task PutItemAsync_refuses_index_fields_and_disabled_index_together()
    {
        var client = CreateClient();

        var act = () => client.Store.PutItemAsync(["alice"], "doc", new Dictionary<string, object?>(), new StorePutItemOptions { DisableIndex = true, Index = ["a"] });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Index").And.Contain("DisableIndex");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task PutItemAsync_serializes_user_types_and_json_elements()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient(o => o.JsonSerializerOptions = new JsonSerializerOptions { TypeInfoResolver = TestPayloadContext.Default });

        await client.Store.PutItemAsync(["alice"], "k1", new KnownPayload("Alice", 3));
        await client.Store.PutItemAsync(["alice"], "k2", JsonDocument.Parse("""{"nested":{"a":[1]}}""").RootElement);

        var requests = Requests();
        JsonAssert.Equal("""{"namespace":["alice"],"key":"k1","value":{"DisplayName":"Alice","RetryCount":3}}""", requests[0].Body);
        JsonAssert.Equal("""{"namespace":["alice"],"key":"k2","value":{"nested":{"a":[1]}}}""", requests[1].Body);
    }

    [Fact]
    public async Task PutItemAsync_refuses_a_null_value()
    {
        var client = CreateClient();

        var act = () => client.Store.PutItemAsync(["alice"], "k", null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("value");
    }

    [Fact]
    public async Task GetItemAsync_sends_the_namespace_joined_with_periods_and_reads_the_item()
    {
        RespondToAll(body: ItemJson);
        var client = CreateClient();

        var item = await client.Store.GetItemAsync(["alice", "prefs"], "theme");

        var request = SingleRequest();
        request.Method.Should().Be("GET");
        request.Path.Should().Be("/store/items");
        request.RawQuery.Should().Be("?namespace=alice.prefs&key=theme");
        request.Body.Should().BeNullOrEmpty();
        item.Should().NotBeNull();
        item!.Namespace.Should().Equal("alice", "prefs");
        item.Key.Should().Be("theme");
        item.Value.GetProperty("color").GetString().Should().Be("blue");
        item.CreatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 0, 0, 247, TimeSpan.Zero));
        item.UpdatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 0, 5, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(true, "?namespace=alice&key=k&refresh_ttl=true")]
    [InlineData(false, "?namespace=alice&key=k&refresh_ttl=false")]
    public async Task GetItemAsync_sends_refresh_ttl_when_set(bool refresh, string query)
    {
        RespondToAll(body: ItemJson);
        var client = CreateClient();

        await client.Store.GetItemAsync(["alice"], "k", new StoreGetItemOptions { RefreshTtl = refresh });

        SingleRequest().RawQuery.Should().Be(query);
    }

    [Fact]
    public async Task GetItemAsync_escapes_the_key_and_labels_in_the_query()
    {
        RespondToAll(body: ItemJson);
        using var handler = StubHttpHandler.Recording();
        using var http = new HttpClient(handler);
        var client = CreateClient(httpClient: http);

        await client.Store.GetItemAsync(["a b", "é"], "k&x=1");

        handler.Seen.Should().ContainSingle().Which.PathAndQuery.Should().Be("/store/items?namespace=a%20b.%C3%A9&key=k%26x%3D1");
    }

    [Fact]
    public async Task GetItemAsync_returns_null_for_the_js_servers_null_body()
    {
        RespondToAll(body: "null");
        var client = CreateClient();

        (await client.Store.GetItemAsync(["alice"], "missing")).Should().BeNull();
    }

    [Fact]
    public async Task GetItemAsync_returns_null_for_a_404()
    {
        RespondToAll(404, "Item not found", "text/plain;charset=UTF-8");
        var client = CreateClient();

        (await client.Store.GetItemAsync(["alice"], "missing")).Should().BeNull();
    }

    [Fact]
    public async Task GetItemAsync_returns_null_for_an_empty_body()
    {
        RespondToAll(status: 200, body: "");
        var client = CreateClient();

        (await client.Store.GetItemAsync(["alice"], "missing")).Should().BeNull();
    }

    [Fact]
    public async Task GetItemAsync_still_throws_for_a_403()
    {
        RespondToAll(403, "Not authorized", "text/plain;charset=UTF-8");
        var client = CreateClient();

        var act = () => client.Store.GetItemAsync(["bob"], "k");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(403);
        ex.Detail.Should().Be("Not authorized");
    }

    [Fact]
    public async Task DeleteItemAsync_sends_DELETE_with_a_json_body()
    {
        RespondToAll(status: 204, body: null);
        var client = CreateClient();

        await client.Store.DeleteItemAsync(["alice", "notes"], "n1");

        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Path.Should().Be("/store/items");
        request.RawQuery.Should().BeNullOrEmpty();
        Header(request, "Content-Type").Should().StartWith("application/json");
        JsonAssert.Equal("""{"namespace":["alice","notes"],"key":"n1"}""", request.Body);
    }

    public static IEnumerable<object[]> ItemMethods() => [["Put"], ["Get"], ["Delete"]];

    private static Task CallAsync(StoreClient store, string method, IReadOnlyList<string> ns) => method switch
    {
        "Put" => store.PutItemAsync(ns, "k", new Dictionary<string, object?>()),
        "Get" => store.GetItemAsync(ns, "k"),
        "Delete" => store.DeleteItemAsync(ns, "k"),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    [Theory]
    [MemberData(nameof(ItemMethods))]
    public async Task A_label_with_a_period_is_refused_naming_the_label(string method)
    {
        RespondToAll(body: "null");
        var client = CreateClient();

        var act = () => CallAsync(client.Store, method, ["alice", "v1.2"]);

        var ex = (await act.Should().ThrowAsync<ArgumentException>()).Which;
        ex.Message.Should().Contain("'v1.2'").And.Contain("period");
        ex.ParamName.Should().Be("itemNamespace");
        Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ItemMethods))]
    public async Task A_null_namespace_or_label_is_refused(string method)
    {
        var client = CreateClient();

        var nullNamespace = () => CallAsync(client.Store, method, null!);
        var nullLabel = () => CallAsync(client.Store, method, ["alice", null!]);

        await nullNamespace.Should().ThrowAsync<ArgumentNullException>();
        await nullLabel.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }
}

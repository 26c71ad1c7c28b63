using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Store;

/// <summary>What every store method shares: per-call headers and query parameters, default headers, retries by method.</summary>
public class StoreCommonTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    public static IEnumerable<object[]> AllMethods() => new[] { "PutItem", "GetItem", "DeleteItem", "SearchItems", "ListNamespaces" }.Select(m => new object[] { m });

    private static T With<T>(T options)
        where T : LangGraphRequestOptions
    {
        options.Headers["X-Trace"] = "t-1";
        options.QueryParams["extra"] = "yes";
        return options;
    }

    private static async Task<string> CallAsync(StoreClient store, string method)
    {
        switch (method)
        {
            case "PutItem": await store.PutItemAsync(["alice"], "k", new Dictionary<string, object?>(), With(new StorePutItemOptions())); return "PUT /store/items";
            case "GetItem": await store.GetItemAsync(["alice"], "k", With(new StoreGetItemOptions())); return "GET /store/items";
            case "DeleteItem": await store.DeleteItemAsync(["alice"], "k", With(new StoreDeleteItemOptions())); return "DELETE /store/items";
            case "SearchItems": await store.SearchItemsAsync(["alice"], With(new StoreSearchItemsOptions())); return "POST /store/items/search";
            case "ListNamespaces": await store.ListNamespacesAsync(With(new StoreListNamespacesOptions())); return "POST /store/namespaces";
            default: throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task Every_method_sends_per_call_headers_default_headers_and_extra_query_parameters(string method)
    {
        RespondToAll(body: """{"items":[],"namespaces":[]}""");
        var client = CreateClient(o => o.DefaultHeaders["Authorization"] = "Bearer alice-token");

        var route = await CallAsync(client.Store, method);

        var request = SingleRequest();
        $"{request.Method} {request.Path}".Should().Be(route);
        request.Query!["extra"].Should().Equal("yes");
        Header(request, "X-Trace").Should().Be("t-1");
        Header(request, "Authorization").Should().Be("Bearer alice-token");
    }

    [Theory]
    [InlineData("PutItem", 3)]
    [InlineData("GetItem", 3)]
    [InlineData("DeleteItem", 3)]
    [InlineData("SearchItems", 1)]
    [InlineData("ListNamespaces", 1)]
    public async Task Idempotent_methods_are_retried_on_503_and_POSTs_are_not(string method, int expectedAttempts)
    {
        RespondToAll(503, "busy", "text/plain");
        var client = CreateClient(o => o.Retry.MaxRetryAttempts = 2);

        var act = () => CallAsync(client.Store, method);

        (await act.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(503);
        Requests().Should().HaveCount(expectedAttempts);
    }
}

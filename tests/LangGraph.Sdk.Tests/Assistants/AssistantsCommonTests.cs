using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Assistants;

/// <summary>What every assistants method shares: per-call headers and query parameters, id checks, error mapping.</summary>
public class AssistantsCommonTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static readonly string[] Methods =
    [
        "Get", "GetGraph", "GetSchemas", "GetSubgraphs", "Create", "Update", "Delete", "Search", "SearchPage", "Count", "GetVersions", "SetLatest",
    ];

    private static readonly string[] IdMethods = Methods.Except(["Create", "Search", "SearchPage", "Count"]).ToArray();

    public static IEnumerable<object[]> AllMethods() => Methods.Select(m => new object[] { m });

    public static IEnumerable<object[]> BadIdsForEveryIdMethod() =>
        from method in IdMethods
        from id in new[] { ".", "..", "", "   " }
        select new object[] { method, id };

    /// <summary>Calls one method with options carrying a header and a query parameter; returns the expected method and path.</summary>
    private static async Task<(string Method, string Path)> CallAsync(AssistantsClient assistants, string method, string id = "a1")
    {
        static T With<T>(T options)
            where T : LangGraphRequestOptions
        {
            options.Headers["X-Trace"] = "t-1";
            options.QueryParams["extra"] = "yes";
            return options;
        }

        switch (method)
        {
            case "Get": await assistants.GetAsync(id, With(new AssistantGetOptions())); return ("GET", $"/assistants/{id}");
            case "GetGraph": await assistants.GetGraphAsync(id, With(new AssistantGetGraphOptions())); return ("GET", $"/assistants/{id}/graph");
            case "GetSchemas": await assistants.GetSchemasAsync(id, With(new AssistantGetSchemasOptions())); return ("GET", $"/assistants/{id}/schemas");
            case "GetSubgraphs": await assistants.GetSubgraphsAsync(id, With(new AssistantGetSubgraphsOptions())); return ("GET", $"/assistants/{id}/subgraphs");
            case "Create": await assistants.CreateAsync("echo", With(new AssistantCreateOptions())); return ("POST", "/assistants");
            case "Update": await assistants.UpdateAsync(id, With(new AssistantUpdateOptions())); return ("PATCH", $"/assistants/{id}");
            case "Delete": await assistants.DeleteAsync(id, With(new AssistantDeleteOptions())); return ("DELETE", $"/assistants/{id}");
            case "Search": await assistants.SearchAsync(With(new AssistantSearchOptions())); return ("POST", "/assistants/search");
            case "SearchPage": await assistants.SearchPageAsync(With(new AssistantSearchOptions())); return ("POST", "/assistants/search");
            case "Count": await assistants.CountAsync(With(new AssistantCountOptions())); return ("POST", "/assistants/count");
            case "GetVersions": await assistants.GetVersionsAsync(id, With(new AssistantGetVersionsOptions())); return ("POST", $"/assistants/{id}/versions");
            case "SetLatest": await assistants.SetLatestAsync(id, 1, With(new AssistantSetLatestOptions())); return ("POST", $"/assistants/{id}/latest");
            default: throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }

    private static string BodyFor(string method) => method switch
    {
        "GetGraph" => AssistantJson.Graph,
        "GetSchemas" => AssistantJson.Schemas,
        "GetSubgraphs" => "{}",
        "Search" or "SearchPage" or "GetVersions" => "[]",
        "Count" => "0",
        _ => AssistantJson.Custom,
    };

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task Every_method_sends_per_call_headers_default_headers_and_extra_query_parameters(string method)
    {
        RespondToAll(body: BodyFor(method));
        var client = CreateClient(o => o.DefaultHeaders["Authorization"] = "Bearer alice-token");

        var (httpMethod, path) = await CallAsync(client.Assistants, method);

        var request = SingleRequest();
        request.Method.Should().Be(httpMethod);
        request.Path.Should().Be(path);
        request.Query!["extra"].Should().Equal("yes");
        Header(request, "X-Trace").Should().Be("t-1");
        Header(request, "Authorization").Should().Be("Bearer alice-token");
        Header(request, "User-Agent").Should().StartWith("langgraph-sdk-dotnet/");
    }

    [Theory]
    [MemberData(nameof(BadIdsForEveryIdMethod))]
    public async Task Dot_segments_and_empty_ids_are_refused_before_any_request(string method, string id)
    {
        RespondToAll(body: "{}");
        var client = CreateClient();

        var act = () => CallAsync(client.Assistants, method, id);

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task A_null_id_is_refused_with_ArgumentNullException()
    {
        var client = CreateClient();

        var act = () => client.Assistants.GetVersionsAsync(null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("assistantId");
    }

    [Fact]
    public async Task A_server_error_surfaces_as_LangGraphApiException_with_the_plain_text_detail()
    {
        RespondToAll(500, "boom", "text/plain;charset=UTF-8");
        var client = CreateClient(o => o.Retry.Enabled = false);

        var act = () => client.Assistants.SearchAsync();

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(500);
        ex.Detail.Should().Be("boom");
        ex.Message.Should().Contain("/assistants/search");
    }

    [Fact]
    public async Task The_cancellation_token_cancels_the_call()
    {
        RespondToAll(body: AssistantJson.Echo);
        var client = CreateClient();
        using var cts = new System.Threading.CancellationTokenSource();
        await cts.CancelAsync();

        var act = () => client.Assistants.GetAsync("a1", cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}

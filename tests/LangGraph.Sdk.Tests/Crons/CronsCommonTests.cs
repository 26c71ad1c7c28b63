using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Crons;

/// <summary>What every crons method shares: per-call headers and query parameters, id checks, the servers' "not implemented".</summary>
public class CronsCommonTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    private static readonly string[] Methods = ["CreateForThread", "Create", "Delete", "Update", "Search", "Count"];

    public static IEnumerable<object[]> AllMethods() => Methods.Select(m => new object[] { m });

    public static IEnumerable<object[]> BadIds() =>
        from method in new[] { "CreateForThread", "Delete", "Update" }
        from id in new[] { ".", "..", "", "   " }
        select new object[] { method, id };

    private static T With<T>(T options)
        where T : LangGraphRequestOptions
    {
        options.Headers["X-Trace"] = "t-1";
        options.QueryParams["extra"] = "yes";
        return options;
    }

    private static async Task<string> CallAsync(CronsClient crons, string method, string id = "c1")
    {
        switch (method)
        {
            case "CreateForThread": await crons.CreateForThreadAsync(id, "agent", "* * * * *", With(new CronCreateForThreadOptions())); return $"POST /threads/{id}/runs/crons";
            case "Create": await crons.CreateAsync("agent", "* * * * *", With(new CronCreateOptions())); return "POST /runs/crons";
            case "Delete": await crons.DeleteAsync(id, With(new CronDeleteOptions())); return $"DELETE /runs/crons/{id}";
            case "Update": await crons.UpdateAsync(id, With(new CronUpdateOptions())); return $"PATCH /runs/crons/{id}";
            case "Search": await crons.SearchAsync(With(new CronSearchOptions())); return "POST /runs/crons/search";
            case "Count": await crons.CountAsync(With(new CronCountOptions())); return "POST /runs/crons/count";
            default: throw new ArgumentOutOfRangeException(nameof(method), method, null);
        }
    }

    private static string BodyFor(string method) => method switch
    {
        "Search" => "[]",
        "Count" => "0",
        _ => CronJson.Cron,
    };

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task Every_method_sends_per_call_headers_default_headers_and_extra_query_parameters(string method)
    {
        RespondToAll(body: BodyFor(method));
        var client = CreateClient(o => o.ApiKey = "secret-key");

        var route = await CallAsync(client.Crons, method);

        var request = SingleRequest();
        $"{request.Method} {request.Path}".Should().Be(route);
        request.Query!["extra"].Should().Equal("yes");
        Header(request, "X-Trace").Should().Be("t-1");
        Header(request, "x-api-key").Should().Be("secret-key");
    }

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task Dot_segments_and_empty_ids_are_refused_before_any_request(string method, string id)
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        var act = () => CallAsync(client.Crons, method, id);

        await act.Should().ThrowAsync<ArgumentException>();
        Server.LogEntries.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllMethods))]
    public async Task A_server_without_crons_surfaces_as_LangGraphApiException(string method)
    {
        RespondToAll(500, "Not implemented", "text/plain;charset=UTF-8");
        var client = CreateClient(o => o.Retry.Enabled = false);

        var act = () => CallAsync(client.Crons, method);

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(500);
        ex.Detail.Should().Be("Not implemented");
        ex.Message.Should().Contain("Not implemented").And.Contain("/crons");
    }
}

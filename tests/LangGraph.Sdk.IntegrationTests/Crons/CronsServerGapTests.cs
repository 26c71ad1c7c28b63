using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Crons;

/// <summary>
/// The JS dev server does not implement crons (<c>/info</c> reports <c>flags.crons=false</c>): the client surfaces its
/// answer as a clear <see cref="LangGraphApiException"/>. The unit tests cover every cron route with WireMock.Net.
/// </summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class CronsServerGapTests(LangGraphServerFixture server)
{
    [Fact]
    public async Task Searching_crons_surfaces_the_servers_not_implemented_answer()
    {
        using var alice = server.CreateClient();

        var act = () => alice.Crons.SearchAsync(new CronSearchOptions { AssistantId = "046b5dc7-2108-582c-9c6c-31d556d138f0" });

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(500);
        ex.Detail.Should().Be("Not implemented");
        ex.ResponseBody.Should().Be("Not implemented");
        ex.Message.Should().Contain("500").And.Contain("POST").And.Contain("/runs/crons/search").And.Contain("Not implemented");

        var info = await alice.Http.GetAsync("/info");
        info.GetProperty("flags").GetProperty("crons").GetBoolean().Should().BeFalse("the server says so itself");
    }
}

using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;

namespace LangGraph.Sdk.IntegrationTests.Http;

/// <summary>client.Http reading answers that are not (only) JSON from the real server.</summary>
[Collection(LangGraphServerCollection.Name)]
public sealed class RawClientContentTests(LangGraphServerFixture server)
{
    [Fact]
    public async Task SendAsync_gives_the_text_plain_answer_of_runs_wait_with_its_headers()
    {
        using var alice = server.CreateClient();
        var thread = await alice.Threads.CreateAsync();

        using var response = await alice.Http.SendAsync(HttpMethod.Post, $"/threads/{thread.ThreadId}/runs/wait",
            JsonDocument.Parse("""{"assistant_id":"echo","input":{"messages":["raw"]}}""").RootElement);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain", "the JS server answers runs/wait as text");
        response.Content.Headers.ContentLocation!.OriginalString.Should().StartWith($"/threads/{thread.ThreadId}/runs/");
        var text = await response.Content.ReadAsStringAsync();
        using var values = JsonDocument.Parse(text.Trim());
        values.RootElement.GetProperty("messages")[1].GetString().Should().Be("echo: raw");
    }

    [Fact]
    public async Task SendAsync_exposes_the_pagination_headers()
    {
        using var alice = server.CreateClient();

        using var response = await alice.Http.SendAsync(HttpMethod.Post, "/assistants/search", JsonDocument.Parse("""{"limit":2}""").RootElement);

        response.Headers.GetValues("X-Pagination-Total").Should().ContainSingle().Which.Should().MatchRegex("^[0-9]+$");
    }

    [Fact]
    public async Task GetStringAsync_and_GetBytesAsync_read_the_raw_bodies()
    {
        using var alice = server.CreateClient();

        var ok = await alice.Http.GetStringAsync("/ok");
        var info = await alice.Http.GetBytesAsync("/info");

        ok.Should().Be("""{"ok":true}""");
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(info));
        document.RootElement.GetProperty("version").GetString().Should().Be("1.5.1");
    }

    [Fact]
    public async Task The_text_404_of_an_unknown_route_is_a_not_found_exception()
    {
        using var alice = server.CreateClient();

        var act = () => alice.Http.GetStringAsync("/no/such/route");

        var error = (await act.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        error.ResponseBody.Should().Be("404 Not Found");
    }
}

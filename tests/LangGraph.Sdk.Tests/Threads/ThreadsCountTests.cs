using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Threads;

public class ThreadsCountTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task CountAsync_posts_an_empty_object_and_reads_a_bare_number()
    {
        RespondToAll(body: "3");
        var client = CreateClient();

        var count = await client.Threads.CountAsync();

        count.Should().Be(3);
        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/count");
        request.Body.Should().Be("{}");
    }

    [Fact]
    public async Task CountAsync_sends_the_filters()
    {
        RespondToAll(body: "0");
        var client = CreateClient();

        var count = await client.Threads.CountAsync(new ThreadCountOptions
        {
            Metadata = { ["purpose"] = "zzz" },
            Values = { ["x"] = true },
            Status = ThreadStatus.Error,
        });

        count.Should().Be(0);
        JsonAssert.Equal("""{"metadata":{"purpose":"zzz"},"values":{"x":true},"status":"error"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task CountAsync_with_default_options_posts_an_empty_object()
    {
        RespondToAll(body: "1");
        var client = CreateClient();

        await client.Threads.CountAsync(new ThreadCountOptions());

        SingleRequest().Body.Should().Be("{}");
    }

    [Fact]
    public async Task CountAsync_tolerates_whitespace_around_the_number()
    {
        RespondToAll(body: " 12\n");
        var client = CreateClient();

        (await client.Threads.CountAsync()).Should().Be(12);
    }

    [Fact]
    public async Task CountAsync_with_an_empty_body_throws_instead_of_returning_zero()
    {
        RespondToAll(body: "");
        var client = CreateClient();

        var act = () => client.Threads.CountAsync();

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("/threads/count");
    }
}

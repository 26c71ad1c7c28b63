using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Assistants;

/// <summary>Search (list and paginated forms), Count and GetVersions.</summary>
public class AssistantsSearchTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task SearchAsync_without_options_sends_only_limit_and_offset()
    {
        RespondToAll(body: $"[{AssistantJson.Echo},{AssistantJson.Custom}]");
        var client = CreateClient();

        var assistants = await client.Assistants.SearchAsync();

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/assistants/search");
        request.RawQuery.Should().BeNullOrEmpty();
        JsonAssert.Equal("""{"limit":10,"offset":0}""", request.Body);
        assistants.Should().HaveCount(2);
        assistants[0].GraphId.Should().Be("echo");
        assistants[1].Name.Should().Be("renamed");
    }

    [Fact]
    public async Task SearchAsync_sends_every_field()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Assistants.SearchAsync(new AssistantSearchOptions
        {
            Metadata = { ["owner"] = "alice" },
            GraphId = "echo",
            Name = "ech",
            Limit = 5,
            Offset = 20,
            SortBy = AssistantSortBy.Name,
            SortOrder = SortOrder.Ascending,
            Select = { "assistant_id", "name" },
        });

        JsonAssert.Equal(
            """
            {"metadata":{"owner":"alice"},"graph_id":"echo","name":"ech","limit":5,"offset":20,
             "sort_by":"name","sort_order":"asc","select":["assistant_id","name"]}
            """,
            SingleRequest().Body);
    }

    [Theory]
    [InlineData("assistant_id")]
    [InlineData("graph_id")]
    [InlineData("created_at")]
    [InlineData("updated_at")]
    [InlineData("some_future_field")]
    public async Task SearchAsync_sends_the_sort_field_wire_value(string sortBy)
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Assistants.SearchAsync(new AssistantSearchOptions { SortBy = sortBy });

        JsonAssert.Equal($$"""{"limit":10,"offset":0,"sort_by":"{{sortBy}}"}""", SingleRequest().Body);
    }

    [Fact]
    public void AssistantSortBy_known_values_have_the_python_wire_values()
    {
        new[] { AssistantSortBy.AssistantId, AssistantSortBy.GraphId, AssistantSortBy.Name, AssistantSortBy.CreatedAt, AssistantSortBy.UpdatedAt }
            .Should().Equal(new AssistantSortBy("assistant_id"), new AssistantSortBy("graph_id"), new AssistantSortBy("name"), new AssistantSortBy("created_at"), new AssistantSortBy("updated_at"));
        AssistantSortBy.Name.ToString().Should().Be("name");
    }

    [Fact]
    public async Task SearchAsync_omits_empty_filters()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Assistants.SearchAsync(new AssistantSearchOptions { GraphId = "", Name = "" });

        JsonAssert.Equal("""{"limit":10,"offset":0}""", SingleRequest().Body);
    }

    [Fact]
    public async Task SearchAsync_reads_selected_fields_only()
    {
        RespondToAll(body: """[{"assistant_id":"046b5dc7-2108-582c-9c6c-31d556d138f0","name":"echo"}]""");
        var client = CreateClient();

        var assistants = await client.Assistants.SearchAsync(new AssistantSearchOptions { Select = { "assistant_id", "name" } });

        assistants[0].AssistantId.Should().Be(AssistantJson.EchoId);
        assistants[0].Name.Should().Be("echo");
        assistants[0].GraphId.Should().BeEmpty();
        assistants[0].Metadata.Should().BeEmpty();
        assistants[0].Config.Should().BeNull();
    }

    [Fact]
    public async Task SearchPageAsync_returns_the_items_and_the_X_Pagination_Next_cursor()
    {
        RespondToAll(body: $"[{AssistantJson.Echo}]", headers: new System.Collections.Generic.Dictionary<string, string>
        {
            ["X-Pagination-Next"] = "1",
            ["X-Pagination-Total"] = "2",
        });
        var client = CreateClient();

        var page = await client.Assistants.SearchPageAsync(new AssistantSearchOptions { Limit = 1 });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/assistants/search");
        JsonAssert.Equal("""{"limit":1,"offset":0}""", request.Body);
        page.Items.Should().ContainSingle().Which.GraphId.Should().Be("echo");
        page.Next.Should().Be("1");
    }

    [Fact]
    public async Task SearchPageAsync_on_the_last_page_has_no_cursor()
    {
        RespondToAll(body: $"[{AssistantJson.Echo}]", headers: new System.Collections.Generic.Dictionary<string, string> { ["X-Pagination-Total"] = "1" });
        var client = CreateClient();

        var page = await client.Assistants.SearchPageAsync();

        page.Items.Should().ContainSingle();
        page.Next.Should().BeNull();
    }

    [Fact]
    public async Task CountAsync_sends_an_empty_object_without_filters_and_reads_the_number()
    {
        RespondToAll(body: "4");
        var client = CreateClient();

        var count = await client.Assistants.CountAsync();

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/assistants/count");
        JsonAssert.Equal("{}", request.Body);
        count.Should().Be(4);
    }

    [Fact]
    public async Task CountAsync_sends_the_filters()
    {
        RespondToAll(body: "1");
        var client = CreateClient();

        await client.Assistants.CountAsync(new AssistantCountOptions { Metadata = { ["m"] = "v" }, GraphId = "echo", Name = "ren" });

        JsonAssert.Equal("""{"metadata":{"m":"v"},"graph_id":"echo","name":"ren"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task GetVersionsAsync_posts_limit_and_offset_and_reads_the_versions()
    {
        RespondToAll(body: AssistantJson.Versions);
        var client = CreateClient();

        var versions = await client.Assistants.GetVersionsAsync("a1");

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/assistants/a1/versions");
        JsonAssert.Equal("""{"limit":10,"offset":0}""", request.Body);
        versions.Should().HaveCount(2);
        versions[0].Version.Should().Be(2);
        versions[0].Name.Should().Be("renamed");
        versions[1].Version.Should().Be(1);
        versions[1].Config!.Value.GetProperty("configurable").GetProperty("x").GetInt32().Should().Be(1);
        versions[1].Metadata["m"].GetString().Should().Be("v");
        versions[1].CreatedAt.Should().BeBefore(versions[0].CreatedAt);
    }

    [Fact]
    public async Task GetVersionsAsync_sends_metadata_and_paging()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Assistants.GetVersionsAsync("a1", new AssistantGetVersionsOptions { Metadata = { ["m"] = "v" }, Limit = 2, Offset = 1 });

        JsonAssert.Equal("""{"limit":2,"offset":1,"metadata":{"m":"v"}}""", SingleRequest().Body);
    }
}

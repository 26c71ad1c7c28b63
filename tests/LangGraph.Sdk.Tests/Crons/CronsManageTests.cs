using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Crons;

/// <summary>Update (with the explicit end-time clear), Delete, Search and Count, and the Cron model.</summary>
public class CronsManageTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task UpdateAsync_without_options_sends_an_empty_object_and_leaves_the_end_time_alone()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        var cron = await client.Crons.UpdateAsync("c1");

        var request = SingleRequest();
        request.Method.Should().Be("PATCH");
        request.Path.Should().Be("/runs/crons/c1");
        JsonAssert.Equal("{}", request.Body);
        cron.Schedule.Should().Be("0 9 * * *");
    }

    [Fact]
    public async Task UpdateAsync_with_ClearEndTime_sends_an_explicit_null_end_time()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        await client.Crons.UpdateAsync("c1", new CronUpdateOptions { ClearEndTime = true });

        JsonAssert.Equal("""{"end_time":null}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateAsync_sends_a_new_end_time()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        await client.Crons.UpdateAsync("c1", new CronUpdateOptions { EndTime = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) });

        JsonAssert.Equal("""{"end_time":"2026-06-01T00:00:00.0000000+00:00"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task UpdateAsync_refuses_an_end_time_and_a_clear_together()
    {
        var client = CreateClient();

        var act = () => client.Crons.UpdateAsync("c1", new CronUpdateOptions { ClearEndTime = true, EndTime = DateTimeOffset.UtcNow });

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("ClearEndTime");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task UpdateAsync_sends_every_field()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        await client.Crons.UpdateAsync("c1", new CronUpdateOptions
        {
            Schedule = "0 10 * * *",
            Input = new System.Collections.Generic.Dictionary<string, object?> { ["x"] = 1 },
            Metadata = { ["m"] = "v" },
            Config = new RunConfig { RecursionLimit = 3 },
            Context = new System.Collections.Generic.Dictionary<string, object?> { ["c"] = true },
            Webhook = "https://example.test/h",
            InterruptBefore = ["*"],
            InterruptAfter = ["n"],
            OnRunCompleted = OnCompletionBehavior.Delete,
            Enabled = false,
            Timezone = "America/New_York",
            StreamMode = [StreamMode.Custom],
            StreamSubgraphs = false,
            StreamResumable = true,
            Durability = Durability.Exit,
            CheckpointDuring = false,
        });

        JsonAssert.Equal(
            """
            {"schedule":"0 10 * * *","input":{"x":1},"metadata":{"m":"v"},"config":{"recursion_limit":3},"context":{"c":true},
             "webhook":"https://example.test/h","interrupt_before":"*","interrupt_after":["n"],"on_run_completed":"delete",
             "enabled":false,"timezone":"America/New_York","stream_mode":["custom"],"stream_subgraphs":false,"stream_resumable":true,
             "durability":"exit","checkpoint_during":false}
            """,
            SingleRequest().Body);
    }

    [Fact]
    public async Task DeleteAsync_sends_DELETE_to_the_cron_path()
    {
        RespondToAll(status: 204, body: null);
        using var handler = StubHttpHandler.Recording();
        using var http = new System.Net.Http.HttpClient(handler);
        var client = CreateClient(httpClient: http);

        await client.Crons.DeleteAsync("c/1");

        handler.Seen.Should().ContainSingle().Which.PathAndQuery.Should().Be("/runs/crons/c%2F1");
        var request = SingleRequest();
        request.Method.Should().Be("DELETE");
        request.Body.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task SearchAsync_without_options_sends_limit_and_offset_and_reads_the_crons()
    {
        RespondToAll(body: $"[{CronJson.Cron},{CronJson.Minimal}]");
        var client = CreateClient();

        var crons = await client.Crons.SearchAsync();

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/runs/crons/search");
        JsonAssert.Equal("""{"limit":10,"offset":0}""", request.Body);
        crons.Should().HaveCount(2);
        crons[1].CronId.Should().Be("c2");
    }

    [Fact]
    public async Task SearchAsync_sends_every_field()
    {
        RespondToAll(body: "[]");
        var client = CreateClient();

        await client.Crons.SearchAsync(new CronSearchOptions
        {
            AssistantId = "a1",
            ThreadId = "t1",
            Enabled = false,
            Metadata = { ["team"] = "a" },
            Limit = 5,
            Offset = 5,
            SortBy = CronSortBy.NextRunDate,
            SortOrder = SortOrder.Descending,
            Select = { "cron_id", "schedule" },
        });

        JsonAssert.Equal(
            """
            {"assistant_id":"a1","thread_id":"t1","enabled":false,"metadata":{"team":"a"},"limit":5,"offset":5,
             "sort_by":"next_run_date","sort_order":"desc","select":["cron_id","schedule"]}
            """,
            SingleRequest().Body);
    }

    [Fact]
    public void CronSortBy_known_values_have_the_python_wire_values()
    {
        new[] { CronSortBy.CronId, CronSortBy.AssistantId, CronSortBy.ThreadId, CronSortBy.CreatedAt, CronSortBy.UpdatedAt, CronSortBy.NextRunDate, CronSortBy.EndTime }
            .Select(s => s.Value)
            .Should().Equal("cron_id", "assistant_id", "thread_id", "created_at", "updated_at", "next_run_date", "end_time");
        ((CronSortBy)"future").ToString().Should().Be("future");
    }

    [Fact]
    public async Task CountAsync_sends_an_empty_object_or_the_filters()
    {
        RespondToAll(body: "3");
        var client = CreateClient();

        var all = await client.Crons.CountAsync();
        await client.Crons.CountAsync(new CronCountOptions { AssistantId = "a1", ThreadId = "t1", Metadata = { ["m"] = 1 } });
        await client.Crons.CountAsync(new CronCountOptions { AssistantId = "", ThreadId = "" });

        all.Should().Be(3);
        var requests = Requests();
        requests[0].Method.Should().Be("POST");
        requests[0].Path.Should().Be("/runs/crons/count");
        JsonAssert.Equal("{}", requests[0].Body);
        JsonAssert.Equal("""{"assistant_id":"a1","thread_id":"t1","metadata":{"m":1}}""", requests[1].Body);
        JsonAssert.Equal("{}", requests[2].Body);
    }

    [Fact]
    public async Task The_cron_model_reads_every_field()
    {
        RespondToAll(body: $"[{CronJson.Cron}]");
        var client = CreateClient();

        var cron = (await client.Crons.SearchAsync())[0];

        cron.CronId.Should().Be("1ef3cefa-4c09-6926-96d0-3dc97fd5e39b");
        cron.AssistantId.Should().Be("046b5dc7-2108-582c-9c6c-31d556d138f0");
        cron.ThreadId.Should().Be("0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70");
        cron.UserId.Should().Be("alice");
        cron.Payload!.Value.GetProperty("input").GetProperty("messages")[0].GetString().Should().Be("tick");
        cron.Schedule.Should().Be("0 9 * * *");
        cron.Timezone.Should().Be("Europe/Paris");
        cron.NextRunDate.Should().Be(new DateTimeOffset(2025, 10, 2, 7, 0, 0, TimeSpan.Zero));
        cron.EndTime.Should().Be(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));
        cron.CreatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(732570));
        cron.UpdatedAt.Should().Be(new DateTimeOffset(2025, 10, 1, 12, 30, 0, TimeSpan.Zero));
        cron.Metadata["team"].GetString().Should().Be("a");
        cron.OnRunCompleted.Should().Be(OnCompletionBehavior.Keep);
        cron.Enabled.Should().BeTrue();
    }

    [Fact]
    public async Task An_older_servers_cron_reads_with_nulls_and_empty_metadata()
    {
        RespondToAll(body: $"[{CronJson.Minimal}]");
        var client = CreateClient();

        var cron = (await client.Crons.SearchAsync())[0];

        cron.ThreadId.Should().BeNull();
        cron.Timezone.Should().BeNull();
        cron.NextRunDate.Should().BeNull();
        cron.EndTime.Should().BeNull();
        cron.OnRunCompleted.Should().BeNull();
        cron.Enabled.Should().BeNull();
        cron.Metadata.Should().BeEmpty();
    }
}

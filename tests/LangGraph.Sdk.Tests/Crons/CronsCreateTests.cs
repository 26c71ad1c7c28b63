using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Crons;

/// <summary>CreateForThread and Create: routes, None-stripped bodies and the cron they return.</summary>
public class CronsCreateTests(WireMockFixture fixture) : WireMockTestBase(fixture)
{
    [Fact]
    public async Task CreateForThreadAsync_sends_the_schedule_and_assistant_id_only_by_default()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        var cron = await client.Crons.CreateForThreadAsync("t1", "agent", "0 9 * * *");

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/threads/t1/runs/crons");
        request.RawQuery.Should().BeNullOrEmpty();
        JsonAssert.Equal("""{"schedule":"0 9 * * *","assistant_id":"agent"}""", request.Body);
        cron.CronId.Should().Be("1ef3cefa-4c09-6926-96d0-3dc97fd5e39b");
        cron.ThreadId.Should().Be("0199a6a1-7f3e-7d5b-9b1e-2d3c4b5a6f70");
    }

    [Fact]
    public async Task CreateForThreadAsync_sends_every_field()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        await client.Crons.CreateForThreadAsync("t1", "agent", "27 15 * * *", new CronCreateForThreadOptions
        {
            Input = new Dictionary<string, object?> { ["messages"] = new[] { "hello!" } },
            Metadata = { ["name"] = "my_run" },
            Config = new RunConfig { Tags = ["nightly"], Configurable = { ["model"] = "m" } },
            Context = new Dictionary<string, object?> { ["model_name"] = "openai" },
            CheckpointDuring = true,
            InterruptBefore = ["a", "b"],
            InterruptAfter = ["c"],
            Webhook = "https://example.test/hook",
            MultitaskStrategy = MultitaskStrategy.Interrupt,
            EndTime = new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.FromHours(1)),
            Enabled = true,
            Timezone = "Europe/Paris",
            StreamMode = [StreamMode.Values, StreamMode.Updates],
            StreamSubgraphs = true,
            StreamResumable = false,
            Durability = Durability.Async,
        });

        JsonAssert.Equal(
            """
            {"schedule":"27 15 * * *","assistant_id":"agent","input":{"messages":["hello!"]},"metadata":{"name":"my_run"},
             "config":{"tags":["nightly"],"configurable":{"model":"m"}},"context":{"model_name":"openai"},"checkpoint_during":true,
             "interrupt_before":["a","b"],"interrupt_after":["c"],"webhook":"https://example.test/hook","multitask_strategy":"interrupt",
             "end_time":"2025-12-31T23:00:00.0000000+01:00","enabled":true,"timezone":"Europe/Paris",
             "stream_mode":["values","updates"],"stream_subgraphs":true,"stream_resumable":false,"durability":"async"}
            """,
            SingleRequest().Body);
    }

    [Fact]
    public async Task An_interrupt_list_of_only_the_wildcard_is_sent_as_the_string_all()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        await client.Crons.CreateAsync("agent", "* * * * *", new CronCreateOptions { InterruptBefore = ["*"], InterruptAfter = ["*", "x"] });

        JsonAssert.Equal(
            """{"schedule":"* * * * *","assistant_id":"agent","interrupt_before":"*","interrupt_after":["*","x"]}""",
            SingleRequest().Body);
    }

    [Fact]
    public async Task CreateAsync_posts_to_runs_crons_with_on_run_completed_and_multitask_strategy()
    {
        RespondToAll(body: CronJson.Minimal);
        var client = CreateClient();

        var cron = await client.Crons.CreateAsync("agent", "4 * * * *", new CronCreateOptions
        {
            OnRunCompleted = OnCompletionBehavior.Keep,
            MultitaskStrategy = MultitaskStrategy.Enqueue,
        });

        var request = SingleRequest();
        request.Method.Should().Be("POST");
        request.Path.Should().Be("/runs/crons");
        JsonAssert.Equal(
            """{"schedule":"4 * * * *","assistant_id":"agent","on_run_completed":"keep","multitask_strategy":"enqueue"}""",
            request.Body);
        cron.CronId.Should().Be("c2");
        cron.ThreadId.Should().BeNull();
    }

    [Fact]
    public async Task CreateAsync_leaves_out_null_members_and_an_empty_multitask_strategy()
    {
        RespondToAll(body: CronJson.Minimal);
        var client = CreateClient();

        await client.Crons.CreateAsync("agent", "4 * * * *", new CronCreateOptions { MultitaskStrategy = "" });

        JsonAssert.Equal("""{"schedule":"4 * * * *","assistant_id":"agent"}""", SingleRequest().Body);
    }

    [Fact]
    public async Task Create_refuses_a_null_assistant_or_schedule()
    {
        var client = CreateClient();

        var noAssistant = () => client.Crons.CreateAsync(null!, "* * * * *");
        var noSchedule = () => client.Crons.CreateForThreadAsync("t1", "agent", null!);

        (await noAssistant.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("assistantId");
        (await noSchedule.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("schedule");
        Server.LogEntries.Should().BeEmpty();
    }

    [Fact]
    public async Task The_end_time_is_sent_in_utc_when_given_in_utc()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();

        await client.Crons.CreateAsync("agent", "0 0 * * *", new CronCreateOptions { EndTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) });

        JsonAssert.Equal("""{"schedule":"0 0 * * *","assistant_id":"agent","end_time":"2026-01-02T03:04:05.0000000+00:00"}""", SingleRequest().Body);
    }

    [Fact]
    public void SetTimezone_uses_the_iana_id()
    {
        var options = new CronCreateOptions();

        options.SetTimezone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        options.Timezone.Should().Be("Asia/Tokyo");
    }

    [Fact]
    public void SetTimezone_converts_a_windows_id_to_its_iana_id()
    {
        var options = new CronUpdateOptions();

        options.SetTimezone(TimeZoneInfo.FindSystemTimeZoneById("Pacific Standard Time"));

        options.Timezone.Should().Be("America/Los_Angeles");
    }

    [Fact]
    public void SetTimezone_accepts_utc()
    {
        var options = new CronCreateForThreadOptions();

        options.SetTimezone(TimeZoneInfo.Utc);

        options.Timezone.Should().NotBeNullOrEmpty();
        TimeZoneInfo.FindSystemTimeZoneById(options.Timezone!).BaseUtcOffset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void SetTimezone_refuses_a_time_zone_without_an_iana_id()
    {
        var options = new CronCreateOptions();
        var custom = TimeZoneInfo.CreateCustomTimeZone("My Office Time", TimeSpan.FromHours(3), "Office", "Office");

        var act = () => options.SetTimezone(custom);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("My Office Time").And.Contain("IANA");
        options.Timezone.Should().BeNull();
    }

    [Fact]
    public async Task A_time_zone_set_from_TimeZoneInfo_is_sent()
    {
        RespondToAll(body: CronJson.Cron);
        var client = CreateClient();
        var options = new CronCreateOptions();
        options.SetTimezone(TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        await client.Crons.CreateAsync("agent", "0 9 * * *", options);

        JsonAssert.Equal("""{"schedule":"0 9 * * *","assistant_id":"agent","timezone":"Europe/Paris"}""", SingleRequest().Body);
    }
}

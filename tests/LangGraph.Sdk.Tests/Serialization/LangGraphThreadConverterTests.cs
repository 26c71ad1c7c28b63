using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using LangGraph.Sdk.Serialization;

namespace LangGraph.Sdk.Tests.Serialization;

/// <summary>
/// Issue 14: a thread is read in one pass, its free-form members kept as elements of one document. Both ways in read
/// the same thread: the converter (the serializer's path, for a thread inside other JSON) and the one-pass read of a
/// whole response body (<see cref="ElementModels.TryReadBody"/>).
/// </summary>
public class LangGraphThreadConverterTests
{
    private const string Full = """
        {"thread_id":"t-1","created_at":"2026-11-30T10:15:42.123456+00:00","updated_at":"2026-11-30T10:16:03.654321+01:00",
         "state_updated_at":"2026-11-30T10:16:04Z","metadata":{"owner":"alice","n":3,"nested":{"a":[1,2]}},"status":"interrupted",
         "values":{"messages":[{"type":"human","content":"hi"}]},"interrupts":{"task-1":[{"value":"approve?"}]},
         "config":{"configurable":{"user_id":"alice"}},"extracted":{"last":"hi"},"unknown":{"skip":[1,{"x":null}]},"ttl":null}
        """;

    private static LangGraphThread ViaSerializer(string json) =>
        JsonSerializer.Deserialize(json, LangGraphJsonContext.Default.LangGraphThread)!;

    private static LangGraphThread? ViaBody(string json)
    {
        if (!ElementModels.TryReadBody(Encoding.UTF8.GetBytes(json), out LangGraphThread? thread))
        {
            // net8: the one-pass read is net10-only, and the serializer reads the body.
            thread = JsonSerializer.Deserialize(json, LangGraphJsonContext.Default.LangGraphThread);
        }

        return thread;
    }

    public static TheoryData<string> Readers() => new() { "serializer", "body" };

    private static LangGraphThread Read(string reader, string json) => reader == "serializer" ? ViaSerializer(json) : ViaBody(json)!;

    [Theory]
    [MemberData(nameof(Readers))]
    public void Every_member_is_read(string reader)
    {
        var thread = Read(reader, Full);

        thread.ThreadId.Should().Be("t-1");
        thread.CreatedAt.Should().Be(new DateTimeOffset(2026, 11, 30, 10, 15, 42, TimeSpan.Zero).AddTicks(1234560));
        thread.UpdatedAt.Offset.Should().Be(TimeSpan.FromHours(1));
        thread.StateUpdatedAt.Should().Be(new DateTimeOffset(2026, 11, 30, 10, 16, 4, TimeSpan.Zero));
        thread.Status.Should().Be(ThreadStatus.Interrupted);
        thread.Metadata.Should().HaveCount(3);
        thread.Metadata["owner"].GetString().Should().Be("alice");
        thread.Metadata["n"].GetInt32().Should().Be(3);
        thread.Metadata["nested"].GetProperty("a").GetArrayLength().Should().Be(2);
        thread.Values!.Value.GetProperty("messages")[0].GetProperty("content").GetString().Should().Be("hi");
        thread.Interrupts!.Value.GetProperty("task-1")[0].GetProperty("value").GetString().Should().Be("approve?");
        thread.Config!.Value.GetProperty("configurable").GetProperty("user_id").GetString().Should().Be("alice");
        thread.Extracted!["last"].GetString().Should().Be("hi");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Missing_and_null_members_read_as_the_generated_serializer_read_them(string reader)
    {
        var thread = Read(reader, """{"thread_id":"t-2","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","metadata":null,"status":"idle","values":null,"config":null,"state_updated_at":null}""");

        thread.ThreadId.Should().Be("t-2");
        thread.Metadata.Should().BeEmpty("a null or missing metadata reads as empty, never null");
        thread.Values.Should().BeNull();
        thread.Config.Should().BeNull();
        thread.Interrupts.Should().BeNull();
        thread.Extracted.Should().BeNull();
        thread.StateUpdatedAt.Should().BeNull();
        thread.Status.Should().Be(ThreadStatus.Idle);
        ReferenceEquals(thread.Status.Value, ThreadStatus.Idle.Value).Should().BeTrue("a known status shares its string");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void An_unknown_status_and_escaped_names_are_read(string reader)
    {
        var thread = Read(reader, """{"thread_\u0069d":"t-3","st\u0061tus":"paused","metadata":{"k\u0065y":"v"}}""");

        thread.ThreadId.Should().Be("t-3");
        thread.Status.Should().Be(new ThreadStatus("paused"));
        thread.Metadata["key"].GetString().Should().Be("v");
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Wrong_shapes_are_json_errors(string reader)
    {
        FluentActions.Invoking(() => Read(reader, """{"thread_id":"t","metadata":[1]}""")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => Read(reader, """{"thread_id":"t","status":1}""")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => Read(reader, """[1]""")).Should().Throw<JsonException>();
        FluentActions.Invoking(() => Read(reader, """{"thread_id":"t",""")).Should().Throw<JsonException>();
    }

    [Fact]
    public void A_json_null_body_is_no_thread()
    {
        ViaBody("null").Should().BeNull();
        ViaSerializer("null").Should().BeNull();
    }

    [Fact]
    public void A_list_is_read_by_both_ways_alike()
    {
        var json = "[" + Full + "," + Full.Replace("\"t-1\"", "\"t-9\"", StringComparison.Ordinal) + "]";
        List<LangGraphThread>? viaBody;
        if (!ElementModels.TryReadBody(Encoding.UTF8.GetBytes(json), out viaBody))
        {
            viaBody = JsonSerializer.Deserialize(json, LangGraphJsonContext.Default.ListLangGraphThread);
        }

        var viaSerializer = JsonSerializer.Deserialize(json, LangGraphJsonContext.Default.ListLangGraphThread)!;

        viaBody!.Select(t => t.ThreadId).Should().Equal("t-1", "t-9");
        viaSerializer.Select(t => t.ThreadId).Should().Equal("t-1", "t-9");
        viaBody![1].Metadata["owner"].GetString().Should().Be(viaSerializer[1].Metadata["owner"].GetString());
    }

    [Fact]
    public void Other_types_are_left_to_the_serializer()
    {
        ElementModels.TryReadBody("{}"u8, out Cron? cron).Should().BeFalse();
        cron.Should().BeNull();
    }

    [Fact]
    public void A_thread_written_reads_back_the_same()
    {
        var thread = ViaSerializer(Full);

        var json = JsonSerializer.Serialize(thread, LangGraphJsonContext.Default.LangGraphThread);
        var back = ViaSerializer(json);

        back.ThreadId.Should().Be(thread.ThreadId);
        back.CreatedAt.Should().Be(thread.CreatedAt);
        back.UpdatedAt.Should().Be(thread.UpdatedAt);
        back.StateUpdatedAt.Should().Be(thread.StateUpdatedAt);
        back.Status.Should().Be(thread.Status);
        back.Metadata.Keys.Should().Equal(thread.Metadata.Keys);
        back.Values!.Value.GetRawText().Should().Be(thread.Values!.Value.GetRawText());
        back.Interrupts!.Value.GetRawText().Should().Be(thread.Interrupts!.Value.GetRawText());
        back.Config!.Value.GetRawText().Should().Be(thread.Config!.Value.GetRawText());
        back.Extracted!.Keys.Should().Equal("last");
        JsonDocument.Parse(json).RootElement.TryGetProperty("unknown", out _).Should().BeFalse("unknown members are not kept");
    }

    [Fact]
    public void A_thread_without_optional_members_writes_none_of_them()
    {
        var json = JsonSerializer.Serialize(new LangGraphThread { ThreadId = "t" }, LangGraphJsonContext.Default.LangGraphThread);

        var root = JsonDocument.Parse(json).RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("thread_id", "created_at", "updated_at", "metadata");
        root.GetProperty("metadata").EnumerateObject().Should().BeEmpty();
    }
}

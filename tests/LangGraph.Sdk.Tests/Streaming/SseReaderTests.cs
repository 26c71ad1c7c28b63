using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Http;
using LangGraph.Sdk.Streaming;

namespace LangGraph.Sdk.Tests.Streaming;

public class SseReaderTests
{
    private const string Source = "GET http://server/threads/t1/stream";

    private static async Task<List<StreamPart>> ReadAsync(string sse, CredentialRedactor? redactor = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(sse));
        var parts = new List<StreamPart>();
        await foreach (var part in SseReader.ReadAsync(stream, Source, redactor, CancellationToken.None))
        {
            parts.Add(part);
        }

        return parts;
    }

    [Fact]
    public async Task The_JS_servers_run_stream_parses_with_ids_after_data()
    {
        var parts = await ReadAsync(
            "event: metadata\ndata: {\"run_id\":\"r1\",\"attempt\":1}\nid: 0\n\n" +
            "event: values\ndata: {\"messages\":[\"go\"]}\nid: 1\n\n" +
            "event: values\ndata: {\"messages\":[\"go\",\"step 1\"]}\nid: 2\n\n");

        parts.Should().HaveCount(3);
        parts[0].Should().Be(parts[0] with { Event = "metadata", Id = "0" });
        parts[0].Data.GetProperty("run_id").GetString().Should().Be("r1");
        parts[2].Id.Should().Be("2");
        parts[2].Data.GetProperty("messages").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Ids_persist_until_a_new_id_arrives()
    {
        var parts = await ReadAsync("id: 7\nevent: a\ndata: 1\n\nevent: b\ndata: 2\n\nevent: c\ndata: 3\nid: 9\n\n");

        parts.ConvertAll(p => p.Id).Should().Equal("7", "7", "9");
    }

    [Fact]
    public async Task A_stream_without_ids_gives_null_ids()
    {
        var parts = await ReadAsync("event: values\ndata: {\"messages\":[\"x\"]}\n\nevent: error\ndata: {\"error\":\"CustomError\",\"message\":\"Boo!\"}\n\n");

        parts.Should().HaveCount(2).And.AllSatisfy(p => p.Id.Should().BeNull());
        parts[1].Event.Should().Be("error");
        parts[1].Data.GetProperty("error").GetString().Should().Be("CustomError");
    }

    [Fact]
    public async Task Comments_are_skipped()
    {
        var parts = await ReadAsync(": heartbeat\n\nevent: values\n: inline comment\ndata: 1\n\n: another\n\n");

        parts.Should().ContainSingle().Which.Data.GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task CRLF_and_CR_line_endings_are_accepted()
    {
        var parts = await ReadAsync("event: a\r\ndata: 1\r\nid: x\r\n\r\nevent: b\rdata: 2\r\r");

        parts.Should().HaveCount(2);
        parts[0].Event.Should().Be("a");
        parts[0].Id.Should().Be("x");
        parts[1].Event.Should().Be("b");
        parts[1].Data.GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Multi_line_data_is_joined_into_one_json_value()
    {
        var parts = await ReadAsync("event: values\ndata: {\"a\":\ndata: [1,\ndata: 2]}\n\n");

        parts.Should().ContainSingle().Which.Data.GetProperty("a").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Multi_line_data_is_joined_with_a_newline_not_concatenated()
    {
        // Joined with "\n" (SSE rules) the data is "[12\n3]", invalid JSON; concatenated it would be "[123]".
        var act = () => ReadAsync("event: values\ndata: [12\ndata: 3]\n\n");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("[12\n3]");
        (await ReadAsync("event: values\ndata: [12,\ndata: 3]\n\n")).Should().ContainSingle().Which.Data.GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task An_empty_id_after_a_real_one_is_passed_on_as_the_reset_marker()
    {
        var parts = await ReadAsync("data: 1\nid: 5\n\ndata: 2\n\nid:\ndata: 3\n\ndata: 4\n\nid: 7\ndata: 5\n\n");

        parts.ConvertAll(p => p.Id).Should().Equal("5", "5", "", "", "7");
    }

    [Fact]
    public async Task An_empty_id_before_any_id_is_no_id()
    {
        var parts = await ReadAsync("id:\ndata: 1\n\ndata: 2\n\n");

        parts.ConvertAll(p => p.Id).Should().Equal(null, null);
    }

    [Fact]
    public async Task A_leading_byte_order_mark_is_skipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("event: values\ndata: 1\nid: 3\n\n")).ToArray();
        using var stream = new MemoryStream(bytes);
        var parts = new List<StreamPart>();
        await foreach (var part in SseReader.ReadAsync(stream, Source, null, CancellationToken.None))
        {
            parts.Add(part);
        }

        var single = parts.Should().ContainSingle().Subject;
        single.Event.Should().Be("values");
        single.Id.Should().Be("3");
        single.Data.GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Events_without_a_name_are_message_events()
    {
        var parts = await ReadAsync("data: {\"x\":1}\n\n");

        parts.Should().ContainSingle().Which.Event.Should().Be("message");
    }

    [Fact]
    public async Task Subgraph_and_unknown_event_names_pass_through()
    {
        var parts = await ReadAsync("event: updates|ask:1f2e\ndata: {}\n\nevent: brand_new_kind\ndata: [1]\n\n");

        parts.ConvertAll(p => p.Event).Should().Equal("updates|ask:1f2e", "brand_new_kind");
    }

    [Fact]
    public async Task Blank_data_is_a_json_null()
    {
        var parts = await ReadAsync("event: end\ndata: \n\n");

        parts.Should().ContainSingle().Which.Data.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("event: values\ndata: 1\n\nevent: values\ndata: 2\n")]
    [InlineData("event: values\ndata: 1\n\nevent: values\ndata: 2\r\n")]
    [InlineData("event: values\ndata: 1\n\nevent: values\ndata: 2\r")]
    [InlineData("event: values\r\ndata: 1\r\n\r\nevent: values\r\ndata: 2\r\n: trailing comment\r\n")]
    public async Task An_event_missing_its_final_blank_line_is_still_dispatched(string sse)
    {
        // Complete lines, only the dispatching blank line missing: the Python and JS SDKs flush the event; so do we.
        var parts = await ReadAsync(sse);

        parts.ConvertAll(p => p.Data.GetInt32()).Should().Equal(1, 2);
    }

    [Theory]
    [InlineData("event: values\ndata: 1\n\nevent: values\ndata: {\"messa")]
    [InlineData("event: values\ndata: 1\n\nevent: values\ndata: 2")]
    [InlineData("event: values\ndata: 1\n\nevent: val")]
    public async Task A_stream_that_ends_in_the_middle_of_a_line_is_truncated(string sse)
    {
        var parts = new List<StreamPart>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(sse));

        var act = async () =>
        {
            await foreach (var part in SseReader.ReadAsync(stream, Source, redactor: null, CancellationToken.None))
            {
                parts.Add(part);
            }
        };

        (await act.Should().ThrowAsync<SseTruncatedException>()).Which.Message.Should().Contain("middle of an event");
        parts.Should().ContainSingle().Which.Data.GetInt32().Should().Be(1);
    }

    [Theory]
    [InlineData("event: values\ndata: 1\n\n: heartb")]
    [InlineData("event: values\ndata: 1\n\n")]
    [InlineData("event: values\ndata: 1\r\n\r\n")]
    [InlineData("event: values\ndata: 1\r\r")]
    [InlineData("event: values\ndata: 1\n\r\n")]
    public async Task Clean_ends_and_cut_comments_lose_nothing(string sse)
    {
        (await ReadAsync(sse)).Should().ContainSingle().Which.Data.GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Events_split_across_reads_at_every_byte_parse_the_same()
    {
        const string sse = "event: metadata\r\ndata: {\"run_id\":\"r1\"}\r\nid: 0\r\n\r\nevent: values\rdata: {\"a\":\rdata: [1,2]}\rid: 1\r\r: ping\n\nevent: updates|sub:1\ndata: \"\u00e9\u4e16\"\n\n";
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(sse));
        var parts = new List<StreamPart>();
        await foreach (var part in SseReader.ReadAsync(stream, Source, redactor: null, CancellationToken.None))
        {
            parts.Add(part);
        }

        parts.ConvertAll(p => p.Event).Should().Equal("metadata", "values", "updates|sub:1");
        parts.ConvertAll(p => p.Id).Should().Equal("0", "1", "1");
        parts[1].Data.GetProperty("a").GetArrayLength().Should().Be(2);
        parts[2].Data.GetString().Should().Be("\u00e9\u4e16");
    }

    [Fact]
    public async Task Retry_and_unknown_fields_are_ignored()
    {
        var parts = await ReadAsync("retry: 1000\nfoo: bar\nevent: values\ndata: 1\n\n");

        parts.Should().ContainSingle().Which.Data.GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task An_empty_stream_yields_nothing()
    {
        (await ReadAsync(string.Empty)).Should().BeEmpty();
    }

    [Fact]
    public async Task Invalid_json_data_throws_naming_the_event_and_the_source()
    {
        var act = () => ReadAsync("event: values\ndata: 1\n\nevent: updates\ndata: {broken\n\n");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("'updates'").And.Contain(Source).And.Contain("{broken");
        ex.InnerException.Should().BeAssignableTo<JsonException>();
    }

    [Fact]
    public void ParseData_masks_secrets_and_shortens_the_preview()
    {
        var redactor = new CredentialRedactor().AddSecret("Bearer secret-token-123");
        var data = Encoding.UTF8.GetBytes("{\"token\": secret-token-123" + new string('z', 500));

        var act = () => SseReader.ParseData("values", data, Source, redactor);

        var ex = act.Should().Throw<LangGraphException>().Which;
        ex.Message.Should().NotContain("secret-token-123").And.Contain("***").And.EndWith("…");
    }

    [Fact]
    public void ParseData_parses_any_json_value()
    {
        SseReader.ParseData("values", "\"text\""u8, Source).GetString().Should().Be("text");
        SseReader.ParseData("values", "[1,2]"u8, Source).GetArrayLength().Should().Be(2);
        SseReader.ParseData("values", " \r\n"u8, Source).ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_connection_dropped_mid_read_surfaces_its_IOException_after_the_events_before_it()
    {
        using var stream = new FailingStream(Encoding.UTF8.GetBytes("event: values\ndata: 1\n\nevent: values\nda"));
        var parts = new List<StreamPart>();

        var act = async () =>
        {
            await foreach (var part in SseReader.ReadAsync(stream, Source, redactor: null, CancellationToken.None))
            {
                parts.Add(part);
            }
        };

        // The HTTP core decides what a drop means (reconnect, or a LangGraphException that says how far the stream got).
        (await act.Should().ThrowAsync<IOException>()).Which.Should().NotBeOfType<SseTruncatedException>();
        parts.Should().ContainSingle();
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("event: a\ndata: 1\n\nevent: b\ndata: 2\n\n"));
        using var cts = new CancellationTokenSource();

        var act = async () =>
        {
            await foreach (var _ in SseReader.ReadAsync(stream, Source, redactor: null, cts.Token))
            {
                await cts.CancelAsync();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>Serves its bytes, then fails as a dropped connection does.</summary>
    private sealed class FailingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            return read > 0 ? read : throw new IOException("connection reset");
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            return read > 0 ? read : throw new IOException("connection reset");
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <summary>Serves its bytes one at a time, so that every line end and every UTF-8 sequence is split across reads.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }
}

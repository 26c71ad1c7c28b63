using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Streaming;
using LangGraph.Sdk.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LangGraph.Sdk.Tests.Streaming;

/// <summary>Faults #8: one event's size is capped, and an error body is read no further than what is kept.</summary>
public class BoundsTests
{
    private const string Source = "POST http://server/threads/t1/runs/stream";

    private static string Event(int id, int dataBytes) => $"event: values\ndata: \"{new string('x', dataBytes)}\"\nid: {id}\n\n";

    private static async Task<List<StreamPart>> ReadAsync(Stream stream, long maxEventSize, List<StreamPart>? into = null)
    {
        into ??= [];
        await foreach (var part in SseReader.ReadAsync(stream, Source, redactor: null, maxEventSize, CancellationToken.None))
        {
            into.Add(part);
        }

        return into;
    }

    [Fact]
    public async Task Faults8_an_event_larger_than_MaxStreamEventSize_stops_the_stream_with_a_clear_error()
    {
        var sse = Event(0, 100) + Event(1, 5000) + Event(2, 100);
        var handler = new StubHttpHandler(StubHttpHandler.Sse(sse, location: "/threads/t1/runs/r1/stream", contentLocation: "/threads/t1/runs/r1"));
        using var client = TestClients.Create("http://server", o => o.MaxStreamEventSize = 4096, httpClient: new HttpClient(handler));
        var parts = new List<StreamPart>();

        var act = async () =>
        {
            await foreach (var part in client.Runs.StreamAsync("t1", "agent"))
            {
                parts.Add(part);
            }
        };

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("larger than LangGraphClientOptions.MaxStreamEventSize (4096 bytes)").And.Contain("POST http://server/threads/t1/runs/stream");
        parts.Select(p => p.Id).Should().Equal("0");
        handler.Seen.Should().ContainSingle("an oversized event is not a drop: it is not resumed");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Many_events_each_under_the_cap_pass_even_when_every_boundary_straddles_a_read(string newline)
    {
        var sse = string.Concat(Enumerable.Range(0, 20).Select(i => Event(i, 900))).Replace("\n", newline, StringComparison.Ordinal);

        var parts = await ReadAsync(new TricklingStream(Encoding.UTF8.GetBytes(sse)), maxEventSize: 1024);

        parts.Should().HaveCount(20);
    }

    [Fact]
    public async Task An_event_made_of_many_small_data_lines_counts_as_one_event()
    {
        var lines = string.Concat(Enumerable.Repeat("data: \"0123456789\"\n", 200));
        var sse = Event(0, 10) + "event: values\n" + lines + "id: 1\n\n";
        var parts = new List<StreamPart>();

        var act = () => ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(sse)), maxEventSize: 2048, parts);

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("MaxStreamEventSize (2048 bytes)");
        parts.Should().ContainSingle();
    }

    [Fact]
    public void MaxStreamEventSize_defaults_to_16_MB_and_below_1024_is_invalid()
    {
        new LangGraphClientOptions().MaxStreamEventSize.Should().Be(16 * 1024 * 1024);
        new LangGraphClientOptions { MaxStreamEventSize = 1000 }.GetValidationErrors()
            .Should().ContainSingle().Which.Should().Contain("MaxStreamEventSize must be at least 1024");
    }

    [Fact]
    public void MaxStreamEventSize_is_read_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddLangGraphClient(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiUrl"] = "http://server",
            ["MaxStreamEventSize"] = "1048576",
        }).Build());
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<LangGraphClientOptions>>().Value.MaxStreamEventSize.Should().Be(1048576);
    }

    [Fact]
    public async Task Faults8_a_huge_error_body_is_read_only_as_far_as_what_is_kept()
    {
        var body = new CountingStream(64L * 1024 * 1024);
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StreamContent(body) { Headers = { { "Content-Type", "text/plain" } } },
        });
        using var client = TestClients.Create("http://server", o => o.Retry.Enabled = false, httpClient: new HttpClient(handler));

        var act = () => client.Threads.GetAsync("t1");

        var ex = (await act.Should().ThrowAsync<LangGraphApiException>()).Which;
        ex.StatusCode.Should().Be(500);
        ex.ResponseBody!.Length.Should().Be(64 * 1024);
        body.BytesRead.Should().BeLessThan(256 * 1024, "the client stops reading past the 64K characters it keeps");
    }

    /// <summary>Serves its bytes one to three at a time, so that every event boundary falls between two reads.</summary>
    private sealed class TricklingStream(byte[] bytes) : MemoryStream(bytes)
    {
        private int _turn;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1 + (_turn++ % 3))], cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1 + (_turn++ % 3)));
    }

    /// <summary>A body of <c>length</c> 'x' bytes that counts how many were read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            buffer.AsSpan(offset, n).Fill((byte)'x');
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

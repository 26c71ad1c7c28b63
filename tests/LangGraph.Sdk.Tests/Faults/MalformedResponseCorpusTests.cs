using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using Xunit.Abstractions;

namespace LangGraph.Sdk.Tests.Faults;

/// <summary>Runs alone, so that allocation figures are this test's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MalformedResponseCollection
{
    public const string Name = "Malformed responses (measured alone)";
}

/// <summary>
/// Malformed responses served byte for byte from a raw socket. Every case ends within its timeout, either with a
/// <see cref="LangGraphException"/> whose message says what was wrong or with the documented behaviour.
/// </summary>
[Collection(MalformedResponseCollection.Name)]
public sealed class MalformedResponseCorpusTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(30);

    private const string SseHead = "Content-Type: text/event-stream";

    private static LangGraphClient Client(RawHttpServer server) => TestClients.Create(server.Url);

    /// <summary>A stateless stream (no run route to ask about), collected within the case timeout.</summary>
    private static async Task<List<StreamPart>> StreamAsync(RawHttpServer server, bool throwOnError = true)
    {
        using var client = Client(server);
        var parts = new List<StreamPart>();
        await CollectAsync().WaitAsync(CaseTimeout);
        return parts;

        async Task CollectAsync()
        {
            await foreach (var part in client.Runs.StreamAsync(null, "agent", new RunCreateOptions { ThrowOnError = throwOnError }))
            {
                parts.Add(part);
            }
        }
    }

    private static async Task<TException> StreamFailsAsync<TException>(RawHttpServer server)
        where TException : Exception
    {
        var act = () => StreamAsync(server);
        return (await act.Should().ThrowAsync<TException>()).Which;
    }

    private static RawHttpServer SseServer(string body) => new(async (_, c) =>
    {
        await c.HeadAsync(200, "OK", SseHead, "Transfer-Encoding: chunked");
        await c.ChunkAsync(body);
        await c.EndChunksAsync();
    });

    private static async Task<LangGraphException> GetThreadFailsAsync(RawHttpServer server)
    {
        using var client = Client(server);
        var act = () => client.Threads.GetAsync("t1").WaitAsync(CaseTimeout);
        return (await act.Should().ThrowAsync<LangGraphException>()).Which;
    }

    [Fact]
    public async Task Invalid_JSON_in_an_event_names_the_event_and_shows_the_data()
    {
        await using var server = SseServer("event: values\ndata: {\"messages\": [\"hi\"\n\n");

        var ex = await StreamFailsAsync<LangGraphException>(server);

        ex.Message.Should().Contain("'values' event").And.Contain("does not carry valid JSON").And.Contain("{\"messages\": [\"hi\"");
    }

    [Fact]
    public async Task Invalid_JSON_in_a_response_body_says_so_and_shows_its_start()
    {
        await using var server = new RawHttpServer((_, c) => c.FullAsync(200, "OK", "application/json", "{\"thread_id\": \"t1\", \"metadata\": {"));

        var ex = await GetThreadFailsAsync(server);

        ex.Message.Should().Contain("is not valid JSON").And.Contain("{\"thread_id\": \"t1\"");
    }

    [Fact]
    public async Task An_event_with_an_empty_data_line_gives_a_JSON_null_and_one_without_data_lines_is_not_dispatched()
    {
        // The SSE rules: an event whose data buffer stays empty (no data line at all) is dropped; "data:" is empty data.
        await using var server = SseServer("event: dropped\nid: 7\n\nevent: metadata\ndata:\n\nevent: values\ndata: {\"n\":1}\n\n");

        var parts = await StreamAsync(server);

        parts.Select(p => p.Event).Should().Equal("metadata", "values");
        parts[0].Data.ValueKind.Should().Be(JsonValueKind.Null);
        parts[0].Id.Should().Be("7", "the id of an undispatched event still sets the last event id");
    }

    [Fact]
    public async Task A_huge_event_fails_fast_against_the_event_size_cap_without_buffering_it()
    {
        const int size = 128 * 1024 * 1024;
        await using var server = new RawHttpServer(async (_, c) =>
        {
            await c.HeadAsync(200, "OK", SseHead, "Transfer-Encoding: chunked");
            await c.ChunkAsync("event: values\ndata: \"");
            var block = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));
            for (var sent = 0; sent < size; sent += block.Length)
            {
                await c.ChunkAsync(block);
            }

            await c.ChunkAsync("\"\n\n");
            await c.EndChunksAsync();
        });
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = await StreamFailsAsync<LangGraphException>(server);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"128 MB event: {allocated / (1024 * 1024)} MB allocated, then: {ex.Message}");
        ex.Message.Should().Contain("MaxStreamEventSize");
        allocated.Should().BeLessThan(160L * 1024 * 1024, "the event is refused at the cap (16 MB by default), not read whole");
    }

    [Fact]
    public async Task Garbage_lines_are_ignored_as_unknown_fields_and_the_stream_ends_cleanly()
    {
        var rng = new Random(42);
        var garbage = new byte[64 * 1024];
        rng.NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            // Bytes that can never start a known field (data, event, id, retry) or a comment, and no line ends but ours.
            garbage[i] = (byte)(garbage[i] % 2 == 0 ? 0x80 | garbage[i] : garbage[i] % 9);
            if (i % 100 == 99)
            {
                garbage[i] = (byte)'\n';
            }
        }

        garbage[^1] = (byte)'\n';
        await using var server = new RawHttpServer(async (_, c) =>
        {
            await c.HeadAsync(200, "OK", SseHead, "Transfer-Encoding: chunked");
            await c.ChunkAsync(garbage);
            await c.ChunkAsync("\nevent: values\ndata: {\"n\":1}\n\n");
            await c.EndChunksAsync();
        });

        var parts = await StreamAsync(server);

        parts.Should().ContainSingle().Which.Data.GetProperty("n").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Garbage_bytes_as_a_JSON_body_give_a_clear_error()
    {
        await using var server = new RawHttpServer((_, c) => c.FullAsync(200, "OK", "application/json", "\u0001\u0002garbage\uFFFD\u0000"));

        var ex = await GetThreadFailsAsync(server);

        ex.Message.Should().Contain("is not valid JSON");
    }

    [Theory]
    [InlineData("application/json", "{\"a\":1}")]
    [InlineData("text/html; charset=utf-8", "<html><body>hello</body></html>")]
    [InlineData(null, "event: values\ndata: {}\n\n")]
    public async Task A_stream_answered_with_another_content_type_is_refused_naming_it(string? contentType, string body)
    {
        await using var server = new RawHttpServer(async (_, c) =>
        {
            if (contentType is null)
            {
                await c.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}");
            }
            else
            {
                await c.FullAsync(200, "OK", contentType, body);
            }
        });

        var ex = await StreamFailsAsync<LangGraphException>(server);

        ex.Message.Should().Contain("Expected a text/event-stream response").And.Contain(contentType ?? "(none)");
    }

    [Fact]
    public async Task An_HTML_error_page_becomes_an_API_error_with_its_status_and_a_short_detail()
    {
        var page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>" + new string('x', 200_000) + "</body></html>";
        await using var server = new RawHttpServer((_, c) => c.FullAsync(502, "Bad Gateway", "text/html", page));

        var ex = await StreamFailsAsync<LangGraphApiException>(server);

        ex.StatusCode.Should().Be(502);
        ex.Message.Should().Contain("502").And.Contain("Bad Gateway");
        ex.Message.Length.Should().BeLessThan(100_000, "an error page is cut, not copied whole into the message");
    }

    [Fact]
    public async Task A_64_MB_error_body_is_not_read_past_what_the_message_keeps()
    {
        const int size = 64 * 1024 * 1024;
        await using var server = new RawHttpServer(async (_, c) =>
        {
            await c.HeadAsync(500, "Internal Server Error", "Content-Type: text/plain", $"Content-Length: {size}");
            var block = Encoding.ASCII.GetBytes(new string('e', 1024 * 1024));
            for (var sent = 0; sent < size; sent += block.Length)
            {
                await c.WriteAsync(block);
            }
        });
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var ex = await StreamFailsAsync<LangGraphApiException>(server);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"64 MB error body: {allocated / (1024 * 1024)} MB allocated, message of {ex.Message.Length} characters");
        ex.StatusCode.Should().Be(500);
        ex.Message.Should().Contain("eeee");
        allocated.Should().BeLessThan(32L * 1024 * 1024, "only the kept part of an error body is read");
    }

    [Fact]
    public async Task A_truncated_chunked_stream_without_Location_says_how_far_it_got()
    {
        await using var server = new RawHttpServer(async (_, c) =>
        {
            await c.HeadAsync(200, "OK", SseHead, "Transfer-Encoding: chunked");
            await c.ChunkAsync("event: values\ndata: {\"n\":1}\n\n");
            await c.WriteAsync("64\r\nevent: values\ndata: {\"n\""); // a chunk of 100 bytes announced, 26 sent, then FIN
        });

        var ex = await StreamFailsAsync<LangGraphException>(server);

        ex.Message.Should().Contain("after 1 event");
    }

    [Fact]
    public async Task A_truncated_chunked_JSON_body_gives_a_LangGraphException_not_a_raw_IOException()
    {
        await using var server = new RawHttpServer(async (_, c) =>
        {
            await c.HeadAsync(200, "OK", "Content-Type: application/json", "Transfer-Encoding: chunked");
            await c.WriteAsync("64\r\n{\"thread_id\":\"t1\"");
        });

        var ex = await GetThreadFailsAsync(server);

        ex.Message.Should().NotBeNullOrWhiteSpace();
        server.Requests.Should().BeGreaterThan(1, "a GET whose body is cut is retried within the retry budget");
    }

    [Fact]
    public async Task A_stream_that_ends_in_the_middle_of_a_line_is_reported_as_truncated()
    {
        await using var server = SseServer("event: values\ndata: {\"n\":1}\n\nevent: values\ndata: {\"n\"");

        var ex = await StreamFailsAsync<LangGraphException>(server);

        ex.Message.Should().Contain("truncated").And.Contain("after 1 event");
    }

    [Fact]
    public async Task A_comment_only_stream_yields_no_events_and_ends()
    {
        await using var server = SseServer(": hello\n\n: keep-alive\n\n:\n\n");

        var parts = await StreamAsync(server);

        parts.Should().BeEmpty();
    }

    [Theory]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"error\":123,\"message\":{\"nested\":true}}")]
    [InlineData("{}")]
    [InlineData("")]
    public async Task An_odd_error_payload_still_raises_a_run_exception(string data)
    {
        await using var server = SseServer($"event: metadata\ndata: {{\"run_id\":\"r1\"}}\n\nevent: error\ndata: {data}\n\n");

        var ex = await StreamFailsAsync<LangGraphRunException>(server);

        ex.Message.Should().NotBeNullOrWhiteSpace();
        ex.ToString().Should().Contain(nameof(LangGraphRunException));
    }

    [Fact]
    public async Task An_odd_error_payload_is_yielded_as_the_last_part_when_ThrowOnError_is_off()
    {
        await using var server = SseServer("event: error\ndata: [1,2]\n\n");

        var parts = await StreamAsync(server, throwOnError: false);

        parts.Should().ContainSingle().Which.Event.Should().Be("error");
    }

    [Fact]
    public async Task Non_ASCII_ids_and_data_pass_through_unchanged()
    {
        await using var server = SseServer("event: values\ndata: {\"m\":\"héllo 🙂\"}\nid: é-1\n\nevent: values\ndata: {\"m\":\"日本\"}\nid: 🙂-2\n\n");

        var parts = await StreamAsync(server);

        parts.Select(p => p.Id).Should().Equal("é-1", "🙂-2");
        parts.Select(p => p.Data.GetProperty("m").GetString()).Should().Equal("héllo 🙂", "日本");
    }

    [Fact]
    public async Task A_drop_after_a_non_ASCII_id_does_not_escape_as_a_raw_header_error()
    {
        await using var server = new RawHttpServer(async (n, c) =>
        {
            await c.HeadAsync(200, "OK", SseHead, "Transfer-Encoding: chunked", "Location: /threads/t1/runs/r1/stream", "Content-Location: /threads/t1/runs/r1");
            if (n == 0)
            {
                await c.ChunkAsync("event: values\ndata: {\"n\":1}\nid: é-1\n\n");
                c.Reset();
                return;
            }

            await c.ChunkAsync("event: end\ndata: null\n\n");
            await c.EndChunksAsync();
        });
        using var client = Client(server);
        var parts = new List<StreamPart>();
        Exception? error = null;

        try
        {
            await foreach (var part in client.Runs.StreamAsync("t1", "agent").WithCancellation(default))
            {
                parts.Add(part);
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }

        output.WriteLine(error?.ToString() ?? $"resumed: {string.Join(",", parts.Select(p => p.Event))}");
        parts[0].Id.Should().Be("é-1");
        if (error is not null)
        {
            error.Should().BeAssignableTo<LangGraphException>();
        }
        else
        {
            parts[^1].Event.Should().Be("end");
        }
    }

    [Fact]
    public async Task A_million_tiny_events_stream_through_in_bounded_time_and_memory()
    {
        const int count = 1_000_000;
        await using var server = new RawHttpServer(async (_, c) =>
        {
            await c.HeadAsync(200, "OK", SseHead, "Transfer-Encoding: chunked");
            var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("data: 1\n\n", 10_000)));
            for (var i = 0; i < count / 10_000; i++)
            {
                await c.ChunkAsync(block);
            }

            await c.EndChunksAsync();
        });
        using var client = Client(server);
        var received = 0;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await CountAsync().WaitAsync(CaseTimeout);

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"{count} events in {watch.Elapsed.TotalSeconds:0.00} s, {allocated / count} bytes allocated per event");
        received.Should().Be(count);
        (allocated / count).Should().BeLessThan(2048, "each event costs its part and its parsed data, nothing that grows with the stream");

        async Task CountAsync()
        {
            await foreach (var part in client.Runs.StreamAsync(null, "agent"))
            {
                received += part.Data.GetInt32();
            }
        }
    }
}

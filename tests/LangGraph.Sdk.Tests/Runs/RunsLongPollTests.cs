using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Runs;

/// <summary>Waits and joins as long polls; stream cancellation.</summary>
public class RunsLongPollTests
{
    private const string Url = "http://server";

    private static LangGraphClient Client(HttpMessageHandler handler, Action<LangGraphClientOptions>? configure = null) =>
        TestClients.Create(Url, configure, httpClient: new HttpClient(handler));

    [Fact]
    public async Task A_cancel_with_wait_whose_connection_drops_is_resumed_with_GET_Location()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.DroppingBody("\n", location: "/threads/t1/runs/r1/join"),
            StubHttpHandler.Json("{}"));
        using var client = Client(handler);

        await client.Runs.CancelAsync("t1", "r1", new RunCancelOptions { Wait = true, Headers = { ["X-Trace"] = "1" } });

        handler.Seen.Should().HaveCount(2);
        handler.Seen[0].Method.Should().Be("POST");
        handler.Seen[0].PathAndQuery.Should().Be("/threads/t1/runs/r1/cancel?wait=1&action=interrupt");
        var retry = handler.Seen[1];
        retry.Method.Should().Be("GET");
        retry.PathAndQuery.Should().Be("/threads/t1/runs/r1/join");
        retry.Body.Should().BeNull();
        retry.Header("X-Trace").Should().Be("1");
    }

    [Fact]
    public async Task A_per_call_Content_Type_is_dropped_on_the_bodyless_reconnect_GET()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.DroppingBody("\n", location: "/threads/t1/runs/r1/join", contentLocation: "/threads/t1/runs/r1"),
            StubHttpHandler.Json("{}"));
        using var client = Client(handler);

        await client.Runs.WaitAsync("t1", "agent", new RunCreateOptions { Headers = { ["Content-Type"] = "application/json" } });

        handler.Seen[0].Header("Content-Type").Should().StartWith("application/json");
        handler.Seen[1].Method.Should().Be("GET");
        handler.Seen[1].Header("Content-Type").Should().BeNull();
    }

    [Fact]
    public async Task Long_poll_reconnects_wait_the_backoff_delay_each_time()
    {
        var time = new RecordingTimeProvider();
        var handler = new StubHttpHandler(
            StubHttpHandler.DroppingBody("\n", location: "/threads/t1/runs/r1/join"),
            StubHttpHandler.DroppingBody("\n", location: "/threads/t1/runs/r1/join"),
            StubHttpHandler.Json("{\"done\":true}"));
        using var client = TestClients.Create(Url, o => { o.Retry.BaseDelay = TimeSpan.FromMilliseconds(100); o.Retry.MaxDelay = TimeSpan.FromSeconds(10); }, httpClient: new HttpClient(handler), timeProvider: time);

        var result = await client.Runs.JoinAsync("t1", "r1");

        result.GetProperty("done").GetBoolean().Should().BeTrue();
        handler.Seen.Should().HaveCount(3);
        time.Delays.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_wait_whose_connection_drops_is_resumed_with_GET_Location_without_a_body()
    {
        var handler = new StubHttpHandler(
            StubHttpHandler.DroppingBody("\n\n", location: "/threads/t1/runs/r1/join", contentLocation: "/threads/t1/runs/r1"),
            StubHttpHandler.Json("{\"messages\":[\"done\"]}"));
        using var client = Client(handler);
        var created = 0;

        var result = await client.Runs.WaitAsync("t1", "agent", new RunCreateOptions { OnRunCreated = _ => created++, Headers = { ["X-Trace"] = "1" } });

        result.GetProperty("messages")[0].GetString().Should().Be("done");
        created.Should().Be(1, "OnRunCreated fires for the first response only");
        handler.Seen.Should().HaveCount(2);
        handler.Seen[0].Method.Should().Be("POST");
        var retry = handler.Seen[1];
        retry.Method.Should().Be("GET");
        retry.PathAndQuery.Should().Be("/threads/t1/runs/r1/join");
        retry.Body.Should().BeNull();
        retry.Header("Content-Type").Should().BeNull("a body-less GET must not carry the POST's content headers (lg#7858)");
        retry.Header("X-Trace").Should().Be("1");
    }

    [Fact]
    public async Task A_wait_whose_connection_drops_without_Location_is_a_clear_error()
    {
        var handler = new StubHttpHandler(StubHttpHandler.DroppingBody("\n"));
        using var client = Client(handler);

        var act = () => client.Runs.WaitAsync("t1", "agent");

        var ex = (await act.Should().ThrowAsync<LangGraphException>()).Which;
        ex.Message.Should().Contain("connection was lost while waiting for the result of POST http://server/threads/t1/runs/wait");
        ex.InnerException.Should().Match(e => e is IOException || e is HttpRequestException);
        handler.Seen.Should().ContainSingle();
    }

    [Fact]
    public async Task A_wait_gives_up_after_five_reconnects()
    {
        var handler = new StubHttpHandler(StubHttpHandler.DroppingBody("\n", location: "/threads/t1/runs/r1/join"));
        using var client = Client(handler);

        var act = () => client.Runs.JoinAsync("t1", "r1");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("after 5 reconnects");
        handler.Seen.Should().HaveCount(6);
    }

    [Fact]
    public async Task A_wait_refuses_a_cross_origin_Location()
    {
        var handler = new StubHttpHandler(StubHttpHandler.DroppingBody("\n", location: "https://elsewhere.example/threads/t1/runs/r1/join"));
        using var client = Client(handler);

        var act = () => client.Runs.WaitAsync("t1", "agent");

        (await act.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("cross-origin reconnect Location was refused");
        handler.Seen.Should().ContainSingle();
    }

    [Fact]
    public async Task A_wait_outlives_the_client_timeout_because_it_lasts_as_long_as_the_run()
    {
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new SlowStream(Encoding.UTF8.GetBytes("\n\n{\"ok\":true}"), TimeSpan.FromMilliseconds(150))),
        });
        using var client = Client(handler, o => o.Timeout = TimeSpan.FromMilliseconds(200));

        var result = await client.Runs.WaitAsync("t1", "agent");

        result.GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_wait_honours_its_cancellation_token()
    {
        var handler = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new SlowStream(Encoding.UTF8.GetBytes("\n\n\n\n\n\n\n\n{}"), TimeSpan.FromSeconds(1))),
        });
        using var client = Client(handler);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var act = () => client.Runs.WaitAsync("t1", "agent", cancellationToken: cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task Cancelling_a_stream_stops_reading_at_once()
    {
        var handler = new StubHttpHandler(_ =>
        {
            var content = new StreamContent(new SlowStream(Encoding.UTF8.GetBytes("event: values\ndata: 1\n\nevent: values\ndata: 2\n\n"), TimeSpan.FromSeconds(30), firstChunkImmediately: true));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        using var client = Client(handler);
        using var cts = new CancellationTokenSource();
        var watch = new Stopwatch();

        var act = async () =>
        {
            await foreach (var _ in client.Runs.StreamAsync("t1", "slow", cancellationToken: cts.Token))
            {
                watch.Start();
                cts.Cancel();
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        watch.Stop();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5), "the pending read is cancelled, not waited out (30 s)");
    }

    /// <summary>Serves one byte per delay (or the first byte run at once), honouring cancellation while it waits.</summary>
    private sealed class SlowStream(byte[] bytes, TimeSpan delay, bool firstChunkImmediately = false) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => bytes.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= bytes.Length)
            {
                return 0;
            }

            if (firstChunkImmediately && _position == 0)
            {
                var first = Math.Min(buffer.Length, 23); // the first event
                bytes.AsMemory(0, first).CopyTo(buffer);
                _position = first;
                return first;
            }

            await Task.Delay(delay, cancellationToken);
            buffer.Span[0] = bytes[_position++];
            return 1;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;

namespace LangGraph.Sdk.Tests.Http;

/// <summary>
/// Issue 14: a JSON response is read once, into a pooled buffer, and parsed from it; and the client's timeout comes from
/// a pool of cancellation sources that a call may reuse only when it neither elapsed nor was cancelled.
/// </summary>
public class ResponseBodyTests
{
    /// <summary>Answers each request with <see cref="Answer"/>; a null answer waits until the call is cancelled.</summary>
    private sealed class Handler : HttpMessageHandler
    {
        public Func<HttpRequestMessage, HttpResponseMessage?> Answer { get; set; } = _ => null;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Answer(request) is { } response)
            {
                return response;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>A body that gives a few bytes per read and has no length: chunked, as a server without Content-Length sends it.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 1000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static string Threads(int count) =>
        "[" + string.Join(",", Enumerable.Range(0, count).Select(i => ServerJson.Thread.Replace(ServerJson.ThreadId, $"thread-{i}", StringComparison.Ordinal))) + "]";

    private static HttpResponseMessage Json(string json, bool withLength)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        HttpContent content = withLength ? new ByteArrayContent(bytes) : new StreamContent(new TrickleStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static (LangGraphClient Client, Handler Handler) Create(TimeSpan timeout)
    {
        var handler = new Handler();
        var client = TestClients.Create("http://localhost:2024", o => o.Timeout = timeout, httpClient: new HttpClient(handler));
        return (client, handler);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_larger_than_the_first_buffer_is_read_whole_with_or_without_its_length(bool withLength)
    {
        var (client, handler) = Create(TimeSpan.FromSeconds(30));
        handler.Answer = _ => Json(Threads(60), withLength);

        var threads = await client.Threads.SearchAsync(new ThreadSearchOptions { Limit = 60 });

        Encoding.UTF8.GetByteCount(Threads(60)).Should().BeGreaterThan(4096 * 2, "the body must outgrow the first pooled buffer");
        threads.Select(t => t.ThreadId).Should().Equal(Enumerable.Range(0, 60).Select(i => $"thread-{i}"));
        threads[59].Metadata["owner"].GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Each_call_reads_its_own_body_while_an_earlier_result_keeps_its_json()
    {
        var (client, handler) = Create(TimeSpan.FromSeconds(30));
        var n = 0;
        handler.Answer = _ => Json(ServerJson.Thread.Replace(ServerJson.ThreadId, $"t-{Interlocked.Increment(ref n)}", StringComparison.Ordinal).Replace("\"t1\"", $"\"p{n}\"", StringComparison.Ordinal), withLength: true);

        var first = await client.Threads.GetAsync("a");
        var others = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.Threads.GetAsync("b")));

        first.ThreadId.Should().Be("t-1");
        first.Metadata["purpose"].GetString().Should().Be("p1", "the buffer a result was read from goes back to the pool; the result does not point into it");
        others.Select(t => t.ThreadId).Should().OnlyHaveUniqueItems();
        others.Should().AllSatisfy(t => t.Metadata["purpose"].GetString().Should().Be("p" + t.ThreadId[2..]));
    }

    [Fact]
    public async Task A_timed_out_call_and_a_cancelled_call_leave_the_next_calls_their_own_timeout()
    {
        var (client, handler) = Create(TimeSpan.FromMilliseconds(300));
        handler.Answer = _ => Json(ServerJson.Thread, withLength: true);
        for (var i = 0; i < 5; i++)
        {
            (await client.Threads.GetAsync("t")).ThreadId.Should().Be(ServerJson.ThreadId);
        }

        // The timeout of a call after pooled sources were reused still elapses.
        handler.Answer = _ => null;
        var timedOut = await FluentActions.Awaiting(() => client.Threads.GetAsync("t")).Should().ThrowAsync<LangGraphException>();
        timedOut.Which.InnerException.Should().BeOfType<TimeoutException>();

        // A call the caller cancels is a cancellation, not a timeout.
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
        {
            await FluentActions.Awaiting(() => client.Threads.GetAsync("t", cancellationToken: cancel.Token)).Should().ThrowAsync<OperationCanceledException>();
        }

        // Neither cancelled source is reused: the next calls succeed, and a slow one still times out.
        handler.Answer = _ => Json(ServerJson.Thread, withLength: true);
        (await client.Threads.GetAsync("t")).ThreadId.Should().Be(ServerJson.ThreadId);
        using (var notCancelled = new CancellationTokenSource())
        {
            (await client.Threads.GetAsync("t", cancellationToken: notCancelled.Token)).ThreadId.Should().Be(ServerJson.ThreadId);
        }

        handler.Answer = _ => null;
        (await FluentActions.Awaiting(() => client.Threads.GetAsync("t")).Should().ThrowAsync<LangGraphException>())
            .Which.InnerException.Should().BeOfType<TimeoutException>();
    }

    [Fact]
    public async Task A_caller_token_cancelled_after_its_call_does_not_reach_a_later_call()
    {
        var (client, handler) = Create(TimeSpan.FromSeconds(30));
        handler.Answer = _ => Json(ServerJson.Thread, withLength: true);
        using var earlier = new CancellationTokenSource();
        await client.Threads.GetAsync("t", cancellationToken: earlier.Token);

        // The earlier call's pooled source serves this one; cancelling the earlier token must not cancel it.
        handler.Answer = _ =>
        {
            earlier.Cancel();
            return Json(ServerJson.Thread, withLength: true);
        };

        (await client.Threads.GetAsync("t")).ThreadId.Should().Be(ServerJson.ThreadId);
    }
}

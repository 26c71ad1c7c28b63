using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Auth.AspNetCore.Tests.TestSupport;
using Microsoft.AspNetCore.Http;

namespace LangGraph.Sdk.Auth.AspNetCore.Tests.Gateway;

/// <summary>Streams are relayed as they happen, and a client that leaves cancels the upstream.</summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task Events_reach_the_client_before_the_upstream_finishes_and_a_disconnect_cancels_the_upstream()
    {
        await using var host = await GatewayHost.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upstreamCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Upstream.Responder = async ctx =>
        {
            if (ctx.Request.Method == "GET")
            {
                await FakeUpstream.Json(ctx, 200, """{"metadata":{"owner":"alice"}}""");
                return;
            }

            ctx.Response.ContentType = "text/event-stream";
            await ctx.Response.WriteAsync("event: metadata\ndata: {\"run_id\":\"r1\"}\n\n");
            await ctx.Response.Body.FlushAsync();
            using var registration = ctx.RequestAborted.Register(() => upstreamCancelled.TrySetResult());
            await Task.WhenAny(release.Task, Task.Delay(Timeout.Infinite, ctx.RequestAborted)).ConfigureAwait(false);
        };

        var request = GatewayHost.As("alice", HttpMethod.Post, "/threads/t1/runs/stream", """{"assistant_id": "agent"}""");
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var stream = await response.Content.ReadAsStreamAsync();
        var reader = new StreamReader(stream);
        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

        first.Should().Be("event: metadata", "the event is relayed while the upstream is still running");
        release.Task.IsCompleted.Should().BeFalse();

        response.Dispose();
        await upstreamCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        release.TrySetResult();
    }

    [Fact]
    public async Task An_answer_is_relayed_chunked_not_buffered_by_the_gateway()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Upstream.Responder = async ctx =>
        {
            ctx.Response.ContentType = "text/event-stream";
            for (var i = 0; i < 3; i++)
            {
                await ctx.Response.WriteAsync($"data: {i}\n\n");
                await ctx.Response.Body.FlushAsync();
            }
        };

        using var response = await host.Client.SendAsync(
            GatewayHost.As("alice", HttpMethod.Post, "/runs/stream", """{"assistant_id": "agent"}"""), HttpCompletionOption.ResponseHeadersRead);

        response.Headers.TransferEncodingChunked.Should().BeTrue("a stream is relayed chunk by chunk, not buffered to a length");
        (await response.Content.ReadAsStringAsync()).Should().Be("data: 0\n\ndata: 1\n\ndata: 2\n\n");
    }
}

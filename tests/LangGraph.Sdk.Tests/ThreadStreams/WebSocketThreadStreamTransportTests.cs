using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.Tests.TestSupport;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk.Tests.ThreadStreams;

/// <summary>
/// The WebSocket transport of the thread stream against an in-process Kestrel WebSocket endpoint scripted frame by frame:
/// the upgrade's headers, replies matched by id, protocol errors, drops, reconnects, subscriptions sent again, the 1.5.1
/// gap check, the size limit, refused upgrades.
/// </summary>
public sealed class WebSocketThreadStreamTransportTests : IAsyncLifetime
{
    private const string ApiKey = "lg-key/sec+ret";
    private const string Token = "alice-secret-token";

    private WebSocketTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebSocketTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_upgrade_carries_the_clients_headers_and_the_streams_own_and_the_main_subscription_follows()
    {
        var requestOptions = new LangGraphRequestOptions { Headers = { ["Authorization"] = $"Bearer {Token}" }, QueryParams = { ["tenant"] = "acme" } };
        var (transport, _) = _server.CreateTransport(
            configure: o =>
            {
                o.ApiKey = ApiKey;
                o.UserAgent = "tests/1.0";
                o.DefaultHeaders["X-Tenant"] = "acme";
            },
            requestOptions: requestOptions);
        await using var owned = transport;

        await transport.OpenAsync(CancellationToken.None);
        var socket = await _server.AcceptAsync();
        var (_, subscribe) = await socket.ExpectAsync("subscription.subscribe");

        transport.Uri.Scheme.Should().Be("ws");
        transport.Uri.AbsolutePath.Should().Be("/threads/01a233aa-d637-724c-a6e4-ab5c4951eedd/stream/events");
        transport.Uri.Query.Should().Be("?tenant=acme");
        var upgrade = _server.Upgrades.Single();
        upgrade["x-api-key"].Should().Be(ApiKey);
        upgrade["Authorization"].Should().Be($"Bearer {Token}");
        upgrade["X-Tenant"].Should().Be("acme");
        upgrade["User-Agent"].Should().StartWith("langgraph-sdk-dotnet/").And.EndWith(" tests/1.0");
        subscribe.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).Should().Equal(ThreadChannels.All);
        subscribe.TryGetProperty("since", out _).Should().BeFalse("a WebSocket subscribe has no cursor");
    }

    [Fact]
    public async Task Replies_are_matched_to_their_commands_by_id_whatever_their_order_and_events_between_them_go_to_the_log()
    {
        var (transport, log, socket) = await OpenAsync();
        await using var owned = transport;

        var first = transport.SendAsync(1, "custom.echo", null, CancellationToken.None);
        var second = transport.SendAsync(2, "agent.getTree", null, CancellationToken.None);
        var ids = new[] { (await socket.ReceiveAsync()).GetProperty("id").GetInt32(), (await socket.ReceiveAsync()).GetProperty("id").GetInt32() };
        ids.Should().BeEquivalentTo([1, 2]);

        await socket.SendSuccessAsync(2, "{\"tree\":{\"namespace\":[]}}");
        await socket.SendLifecycleAsync(1, "running");
        await socket.SendSuccessAsync(1, "{\"values\":{\"n\":1}}", appliedThroughSeq: 1);

        (await second).Result.GetProperty("tree").GetProperty("namespace").GetArrayLength().Should().Be(0);
        var state = await first;
        state.Result.GetProperty("values").GetProperty("n").GetInt32().Should().Be(1);
        state.AppliedThroughSeq.Should().Be(1);
        (await ReadAsync(log, 0, 1)).Single().Method.Should().Be("lifecycle");
    }

    [Fact]
    public async Task An_error_reply_is_a_typed_protocol_exception_naming_the_command()
    {
        var (transport, _, socket) = await OpenAsync();
        await using var owned = transport;

        var command = transport.SendAsync(7, "foo.bar", null, CancellationToken.None);
        var (id, _) = await socket.ExpectAsync("foo.bar");
        await socket.SendErrorAsync(id, "unknown_command", "Unknown protocol command: foo.bar");

        var error = (await command.Invoking(t => t).Should().ThrowAsync<ThreadStreamProtocolException>()).Which;
        error.Code.Should().Be("unknown_command");
        error.Method.Should().Be("foo.bar");
        error.CommandId.Should().Be(7);
        error.ServerMessage.Should().Contain("foo.bar");
    }

    [Fact]
    public async Task Commands_on_the_threads_storage_go_over_http_with_the_streams_headers_and_fail_with_the_typed_http_error()
    {
        var (transport, _) = _server.CreateTransport(
            configure: o => o.ApiKey = ApiKey,
            requestOptions: new LangGraphRequestOptions { Headers = { ["Authorization"] = $"Bearer {Token}" } });
        await using var owned = transport;

        // A 1.5.1 server answers nothing on the socket when state.get fails; over HTTP it is a 404.
        var missing = (await transport.Invoking(t => t.SendAsync(1, "state.get", null, CancellationToken.None)).Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        missing.Message.Should().Contain("not found").And.NotContain(Token);
        var socket = await _server.AcceptAsync();
        await socket.ExpectAsync("subscription.subscribe"); // the socket came first: the server's thread record is the socket's

        var started = await transport.SendAsync(2, "run.start", null, CancellationToken.None);
        started.Result.GetProperty("run_id").GetString().Should().Be("r1");
        _server.CommandAnswer = (_, command) => (200, $"{{\"type\":\"error\",\"id\":{command.GetProperty("id").GetInt32()},\"error\":\"invalid_argument\",\"message\":\"input.respond requires an interrupt_id.\"}}");
        var error = (await transport.Invoking(t => t.SendAsync(3, "input.respond", null, CancellationToken.None)).Should().ThrowAsync<ThreadStreamProtocolException>()).Which;
        error.Code.Should().Be("invalid_argument");
        error.Method.Should().Be("input.respond");

        _server.HttpCommands.Select(c => c.Command.GetProperty("method").GetString()).Should().Equal("state.get", "run.start", "input.respond");
        _server.HttpCommands.Should().OnlyContain(c => c.Headers["Authorization"] == $"Bearer {Token}" && c.Headers["x-api-key"] == ApiKey);
    }

    [Fact]
    public async Task An_unsolicited_error_fails_the_readers_after_the_events_before_it()
    {
        var (transport, log, socket) = await OpenAsync();
        await using var owned = transport;

        await socket.SendLifecycleAsync(1, "running");
        await socket.SendErrorAsync(null, "unknown_error", "the run's source failed");

        var seen = new List<long>();
        var read = async () =>
        {
            await foreach (var e in log.ReadAsync(0))
            {
                seen.Add(e.Seq);
            }
        };
        var error = (await read.Should().ThrowAsync<ThreadStreamProtocolException>()).Which;
        error.Code.Should().Be("unknown_error");
        error.CommandId.Should().BeNull();
        seen.Should().Equal(1);
    }

    [Fact]
    public async Task A_drop_fails_the_commands_waiting_for_a_reply_then_the_transport_reconnects_with_the_same_credentials_and_subscribes_again()
    {
        var (transport, _, first) = await OpenAsync(requestOptions: new LangGraphRequestOptions { Headers = { ["Authorization"] = $"Bearer {Token}" } });
        await using var owned = transport;

        var state = transport.SendAsync(1, "agent.getTree", null, CancellationToken.None);
        await first.ExpectAsync("agent.getTree");
        first.Drop();

        var error = (await state.Invoking(t => t).Should().ThrowAsync<LangGraphException>()).Which;
        error.Message.Should().Contain("agent.getTree").And.Contain("may have been applied").And.NotContain(Token);
        var second = await _server.AcceptAsync();
        var (_, subscribe) = await second.ExpectAsync("subscription.subscribe");
        subscribe.GetProperty("channels").GetArrayLength().Should().Be(ThreadChannels.All.Count);
        _server.Upgrades.Should().HaveCount(2).And.OnlyContain(u => u["Authorization"] == $"Bearer {Token}");

        // The stream works on the new socket.
        var again = transport.SendAsync(2, "agent.getTree", null, CancellationToken.None);
        var (id, _) = await second.ExpectAsync("agent.getTree");
        await second.SendSuccessAsync(id, "{\"values\":{}}");
        (await again).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task A_command_sent_while_reconnecting_waits_for_the_new_socket()
    {
        var clock = new GatedTimeProvider();
        var (transport, _, first) = await OpenAsync(timeProvider: clock);
        await using var owned = transport;
        first.Drop();

        await clock.TimerCreated.WaitAsync(TimeSpan.FromSeconds(20)); // the transport saw the drop and waits its backoff
        var state = transport.SendAsync(1, "agent.getTree", null, CancellationToken.None);
        clock.Fire();
        var second = await _server.AcceptAsync();
        await second.ExpectAsync("subscription.subscribe");
        var (id, _) = await second.ExpectAsync("agent.getTree");
        await second.SendSuccessAsync(id);
        (await state).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public async Task A_subscription_of_its_own_is_sent_again_after_a_reconnect_and_unsubscribed_under_its_new_server_id()
    {
        var (transport, _) = _server.CreateTransport(channels: [ThreadChannels.Values, ThreadChannels.Lifecycle]);
        await using var owned = transport;
        await transport.OpenAsync(CancellationToken.None);
        var first = await _server.AcceptAsync();
        var (mainId, _) = await first.ExpectAsync("subscription.subscribe");

        await transport.SendAsync(1, "run.start", null, CancellationToken.None);
        await first.SendSuccessAsync(mainId, "{\"subscription_id\":\"main-a\",\"replayed_events\":0}");

        var messages = new ThreadSubscribeOptions { Channels = { ThreadChannels.Messages } };
        var subscribing = transport.SubscribeAsync(2, messages, CancellationToken.None);
        var (subscribeId, subscribeParams) = await first.ExpectAsync("subscription.subscribe");
        subscribeId.Should().Be(2);
        subscribeParams.GetProperty("channels").EnumerateArray().Select(c => c.GetString()).Should().Equal(ThreadChannels.Messages);
        await first.SendSuccessAsync(2, "{\"subscription_id\":\"sub-a\",\"replayed_events\":0}");
        var key = await subscribing;
        key.Should().Be("sub-a");

        first.Drop();
        var second = await _server.AcceptAsync();
        var resubscribed = new[] { await second.ReceiveAsync(), await second.ReceiveAsync() };
        resubscribed.Select(c => c.GetProperty("method").GetString()).Should().OnlyContain(m => m == "subscription.subscribe");
        resubscribed.Select(c => string.Join(",", c.GetProperty("params").GetProperty("channels").EnumerateArray().Select(x => x.GetString())))
            .Should().BeEquivalentTo(["values,lifecycle", "messages"]);
        var again = resubscribed.Single(c => c.GetProperty("params").GetProperty("channels")[0].GetString() == "messages");
        await second.SendSuccessAsync(again.GetProperty("id").GetInt32(), "{\"subscription_id\":\"sub-b\",\"replayed_events\":0}");
        var probe = await second.ExpectAsync("agent.getTree");
        await second.SendErrorAsync(probe.Id, "no_such_run", "No active run is bound to this thread.");

        var unsubscribing = transport.UnsubscribeAsync(3, key, CancellationToken.None);
        var (unsubscribeId, unsubscribeParams) = await second.ExpectAsync("subscription.unsubscribe");
        unsubscribeParams.GetProperty("subscription_id").GetString().Should().Be("sub-b");
        await second.SendSuccessAsync(unsubscribeId);
        await unsubscribing;
    }

    [Fact]
    public async Task A_subscription_the_main_one_covers_needs_no_server_subscription()
    {
        var (transport, _, socket) = await OpenAsync();
        await using var owned = transport;

        var filter = new ThreadSubscribeOptions { Channels = { ThreadChannels.Messages, "custom:progress" }, Namespaces = { new[] { "agent" } }, Depth = 1 };
        var key = await transport.SubscribeAsync(2, filter, CancellationToken.None);
        key.Should().StartWith("local:");
        await transport.UnsubscribeAsync(3, key, CancellationToken.None);

        // Nothing went to the server for either: the next command it sees is this one.
        var state = transport.SendAsync(4, "agent.getTree", null, CancellationToken.None);
        var (id, _) = await socket.ExpectAsync("agent.getTree");
        id.Should().Be(4);
        await socket.SendSuccessAsync(id);
        await state;
    }

    [Fact]
    public async Task A_subscription_before_the_first_run_is_not_waited_for_and_an_unsubscribe_follows_its_late_reply()
    {
        var (transport, _, socket) = await OpenAsync(channels: [ThreadChannels.Lifecycle]);
        await using var owned = transport;

        // A 1.5.1 server parks a subscribe until the thread's first run starts: the call must not wait for it.
        var key = await transport.SubscribeAsync(2, new ThreadSubscribeOptions { Channels = { ThreadChannels.Values } }, CancellationToken.None);
        key.Should().Be("pending:2");
        await socket.ExpectAsync("subscription.subscribe");
        await transport.UnsubscribeAsync(3, key, CancellationToken.None);

        await socket.SendSuccessAsync(2, "{\"subscription_id\":\"late\",\"replayed_events\":0}");
        var (_, unsubscribe) = await socket.ExpectAsync("subscription.unsubscribe");
        unsubscribe.GetProperty("subscription_id").GetString().Should().Be("late");
    }

    [Fact]
    public async Task A_drop_while_a_run_streams_on_a_server_that_forgot_the_thread_fails_the_readers_with_a_gap_and_the_next_run_streams()
    {
        var (transport, log, first) = await OpenAsync();
        await using var owned = transport;
        await transport.SendAsync(1, "run.start", null, CancellationToken.None);
        await first.SendLifecycleAsync(1, "running");
        await first.SendEventAsync(2, "values", "{\"n\":1}");
        (await ReadAsync(log, 0, 2)).Select(e => e.Seq).Should().Equal(1, 2);

        // A reader of the run, reading when the socket drops.
        var seen = new List<long>();
        var read = async () =>
        {
            await foreach (var e in log.ReadAsync(0))
            {
                seen.Add(e.Seq);
            }
        };
        var reading = read.Should().ThrowAsync<ThreadStreamGapException>();
        await WaitForAsync(() => seen.Count == 2);

        first.Drop();
        var second = await _server.AcceptAsync();
        await second.ExpectAsync("subscription.subscribe"); // parked by the server: no reply
        var probe = await second.ExpectAsync("agent.getTree");
        await second.SendErrorAsync(probe.Id, "no_such_run", "No active run is bound to this thread.");

        var gap = (await reading).Which;
        seen.Should().Equal(1, 2);
        gap.LastSeq.Should().Be(2);
        gap.ThreadId.Should().Be("01a233aa-d637-724c-a6e4-ab5c4951eedd");
        gap.Message.Should().Contain("1.5.1").And.Contain("ThreadStreamTransport.Sse");

        // The stream stays usable: the next run's events, counted from 1 again by the server, reach new readers.
        var position = log.Count;
        await transport.SendAsync(2, "run.start", null, CancellationToken.None);
        await second.SendLifecycleAsync(1, "running");
        await second.SendLifecycleAsync(2, "completed");
        (await ReadAsync(log, position, 2)).Select(e => e.Seq).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_drop_after_the_run_ended_loses_nothing_and_the_next_run_counts_from_one()
    {
        var (transport, log, first) = await OpenAsync();
        await using var owned = transport;
        await first.SendLifecycleAsync(1, "running");
        await first.SendLifecycleAsync(2, "completed");
        await ReadAsync(log, 0, 2);

        first.Drop();
        var second = await _server.AcceptAsync();
        await second.ExpectAsync("subscription.subscribe");
        var probe = await second.ExpectAsync("agent.getTree");
        await second.SendErrorAsync(probe.Id, "no_such_run", "No active run is bound to this thread.");

        // Once the probe is answered, commands go out again; the next run's seq 1 and 2 are new events, not duplicates.
        await transport.SendAsync(1, "run.start", null, CancellationToken.None);
        await second.SendLifecycleAsync(1, "running");
        await second.SendLifecycleAsync(2, "completed");
        (await ReadAsync(log, 0, 4)).Select(e => e.Seq).Should().Equal([1L, 2, 1, 2], "no reader fails: no event of a running run was lost");
    }

    [Fact]
    public async Task A_socket_that_lands_on_the_record_of_the_run_session_the_drop_ended_is_replaced_and_its_events_are_not_taken()
    {
        var (transport, log, first) = await OpenAsync();
        await using var owned = transport;
        await first.SendLifecycleAsync(1, "running");
        await first.SendEventAsync(2, "values", "{\"n\":1}");
        await ReadAsync(log, 0, 2);

        first.Drop();
        var read = async () => await ReadAsync(log, 0, 3);
        (await read.Should().ThrowAsync<ThreadStreamGapException>()).Which.LastSeq.Should().Be(2, "a drop mid-run is a gap at once");

        // The server has not forgotten the ended session yet: it replays it and ends it with a terminal event.
        var second = await _server.AcceptAsync();
        var (subscribeId, _) = await second.ExpectAsync("subscription.subscribe");
        await second.SendSuccessAsync(subscribeId, "{\"subscription_id\":\"stale\",\"replayed_events\":2}", appliedThroughSeq: 2);
        await second.SendLifecycleAsync(1, "running");
        await second.SendEventAsync(2, "values", "{\"n\":1}");
        await second.SendLifecycleAsync(3, "completed");
        var probe = await second.ExpectAsync("agent.getTree");
        await second.SendSuccessAsync(probe.Id, "{\"tree\":{}}", appliedThroughSeq: 3);

        // So the client opens another socket, which lands on a fresh record.
        var third = await _server.AcceptAsync();
        await third.ExpectAsync("subscription.subscribe");
        var freshProbe = await third.ExpectAsync("agent.getTree");
        await third.SendErrorAsync(freshProbe.Id, "no_such_run", "No active run is bound to this thread.");

        await transport.SendAsync(1, "run.start", null, CancellationToken.None);
        log.Count.Should().Be(2, "nothing of the stale socket reached the log");
        await third.SendLifecycleAsync(1, "running");
        await third.SendLifecycleAsync(2, "completed");
        (await ReadAsync(log, 2, 2)).Select(e => e.Seq).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_server_that_kept_the_thread_after_a_drop_between_runs_replays_and_no_event_is_lost_or_repeated()
    {
        var (transport, log, first) = await OpenAsync();
        await using var owned = transport;
        await first.SendLifecycleAsync(1, "running");
        await first.SendLifecycleAsync(2, "completed");
        await ReadAsync(log, 0, 2);

        first.Drop();
        var second = await _server.AcceptAsync();
        var (subscribeId, _) = await second.ExpectAsync("subscription.subscribe");
        await second.SendSuccessAsync(subscribeId, "{\"subscription_id\":\"s2\",\"replayed_events\":2}", appliedThroughSeq: 2);
        await second.SendLifecycleAsync(1, "running");
        await second.SendLifecycleAsync(2, "completed");
        var probe = await second.ExpectAsync("agent.getTree");
        await second.SendSuccessAsync(probe.Id, "{\"tree\":{}}", appliedThroughSeq: 2);
        await transport.SendAsync(1, "run.start", null, CancellationToken.None);
        await second.SendLifecycleAsync(3, "running");
        await second.SendLifecycleAsync(4, "completed");

        (await ReadAsync(log, 0, 4)).Select(e => e.Seq).Should().Equal(1, 2, 3, 4);
        _server.Upgrades.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_message_larger_than_the_first_buffer_arrives_whole()
    {
        var (transport, log, socket) = await OpenAsync();
        await using var owned = transport;

        var text = new string('x', 200_000);
        await socket.SendEventAsync(1, "custom", $"{{\"name\":\"big\",\"payload\":\"{text}\"}}");
        var e = (await ReadAsync(log, 0, 1)).Single();
        e.Channel.Should().Be("custom:big");
        e.Data.GetProperty("payload").GetString().Should().Be(text);
    }

    [Fact]
    public async Task A_message_larger_than_MaxStreamEventSize_fails_the_stream_the_waiting_commands_and_later_calls()
    {
        var (transport, log, socket) = await OpenAsync(configure: o => o.MaxStreamEventSize = 1024);
        await using var owned = transport;
        var state = transport.SendAsync(1, "agent.getTree", null, CancellationToken.None);
        await socket.ExpectAsync("agent.getTree");

        await socket.SendEventAsync(1, "values", $"{{\"text\":\"{new string('x', 2000)}\"}}");

        var read = async () => await ReadAsync(log, 0, 1);
        (await read.Should().ThrowAsync<LangGraphException>()).Which.Message.Should().Contain("MaxStreamEventSize (1024 bytes)");
        await state.Invoking(t => t).Should().ThrowAsync<LangGraphException>().WithMessage("*MaxStreamEventSize*");
        await transport.Invoking(t => t.SendAsync(2, "agent.getTree", null, CancellationToken.None)).Should().ThrowAsync<LangGraphException>().WithMessage("*MaxStreamEventSize*");
        (await socket.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.MessageTooBig);
    }

    [Theory]
    [InlineData(400, typeof(LangGraphApiException))]
    [InlineData(401, typeof(LangGraphApiException))]
    [InlineData(403, typeof(LangGraphApiException))]
    [InlineData(404, typeof(LangGraphNotFoundException))]
    public async Task A_refused_upgrade_is_the_typed_exception_of_its_status_with_the_servers_detail_and_no_credential(int status, Type expected)
    {
        _server.RefuseNext(status, $"{{\"detail\":\"Refused: Bearer {Token} is not allowed here\"}}");
        var (transport, _) = _server.CreateTransport(requestOptions: new LangGraphRequestOptions { Headers = { ["Authorization"] = $"Bearer {Token}" } });
        await using var owned = transport;

        var error = (await transport.Invoking(t => t.OpenAsync(CancellationToken.None).AsTask()).Should().ThrowAsync<LangGraphApiException>()).Which;
        error.Should().BeOfType(expected);
        error.StatusCode.Should().Be(status);
        error.Detail.Should().StartWith("Refused: ").And.Contain("***").And.NotContain(Token);
        error.Message.Should().Contain($"HTTP {status}").And.Contain("GET http://127.0.0.1").And.NotContain(Token);
        _server.Upgrades.Should().ContainSingle("a 4xx refusal is final: no second try");
    }

    [Fact]
    public async Task An_upgrade_refused_with_503_is_tried_again()
    {
        _server.RefuseNext(503, "{\"detail\":\"busy\"}");
        var (transport, _) = _server.CreateTransport();
        await using var owned = transport;

        await transport.OpenAsync(CancellationToken.None);
        var socket = await _server.AcceptAsync();
        await socket.ExpectAsync("subscription.subscribe");
        _server.Upgrades.Should().HaveCount(2);
    }

    [Fact]
    public async Task A_reconnect_refused_with_a_client_error_fails_the_readers_and_later_calls_for_good()
    {
        var (transport, log, socket) = await OpenAsync();
        await using var owned = transport;

        _server.RefuseNext(403, "{\"detail\":\"Forbidden\"}");
        socket.Drop();

        var read = async () => await ReadAsync(log, 0, 1);
        (await read.Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(403);
        (await transport.Invoking(t => t.SendAsync(1, "agent.getTree", null, CancellationToken.None)).Should().ThrowAsync<LangGraphApiException>()).Which.StatusCode.Should().Be(403);
    }

    [Fact]
    public async Task Reconnects_wait_the_clients_backoff_on_its_clock_and_give_up_after_the_budget_naming_it()
    {
        var clock = new RecordingTimeProvider();
        var (transport, log) = _server.CreateTransport(
            configure: o =>
            {
                o.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
                o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            },
            maxReconnects: 2,
            timeProvider: clock);
        await using var owned = transport;
        await transport.OpenAsync(CancellationToken.None);
        var socket = await _server.AcceptAsync();
        await socket.ExpectAsync("subscription.subscribe");

        _server.RefuseNext(503, "{\"detail\":\"busy\"}");
        _server.RefuseNext(502, "{\"detail\":\"bad gateway\"}");
        socket.Drop();

        var read = async () => await ReadAsync(log, 0, 1);
        var error = (await read.Should().ThrowAsync<LangGraphException>()).Which;
        error.Message.Should().Contain("2 reconnect attempts failed").And.Contain("MaxStreamReconnects").And.Contain("bad gateway");
        clock.Delays.Should().Equal(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
        _server.Upgrades.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_close_with_4000_plus_a_client_error_status_is_final_like_the_status_itself()
    {
        var (transport, log, socket) = await OpenAsync();
        await using var owned = transport;

        await socket.CloseAsync(4404, "thread not found");

        var read = async () => await ReadAsync(log, 0, 1);
        var error = (await read.Should().ThrowAsync<LangGraphNotFoundException>()).Which;
        error.Detail.Should().Be("thread not found");
        _server.Upgrades.Should().ContainSingle();
    }

    [Fact]
    public async Task Disposing_closes_the_socket_cleanly_and_fails_the_commands_waiting_for_a_reply()
    {
        var (transport, _) = _server.CreateTransport();
        await transport.OpenAsync(CancellationToken.None);
        var socket = await _server.AcceptAsync();
        await socket.ExpectAsync("subscription.subscribe");
        var state = transport.SendAsync(1, "agent.getTree", null, CancellationToken.None);
        await socket.ExpectAsync("agent.getTree");

        var closed = socket.WaitForCloseAsync();
        await transport.DisposeAsync();

        await state.Invoking(t => t).Should().ThrowAsync<ObjectDisposedException>();
        (await closed).Should().Be(WebSocketCloseStatus.NormalClosure);
        await transport.Invoking(t => t.SendAsync(2, "agent.getTree", null, CancellationToken.None)).Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task Cancelling_a_wait_for_a_reply_leaves_the_socket_and_other_commands_alone()
    {
        var (transport, _, socket) = await OpenAsync();
        await using var owned = transport;

        using var cts = new CancellationTokenSource();
        var cancelled = transport.SendAsync(1, "agent.getTree", null, cts.Token);
        await socket.ExpectAsync("agent.getTree");
        await cts.CancelAsync();
        await cancelled.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();

        await socket.SendSuccessAsync(1); // a late reply nobody waits for is dropped
        var other = transport.SendAsync(2, "agent.getTree", null, CancellationToken.None);
        var (id, _) = await socket.ExpectAsync("agent.getTree");
        await socket.SendSuccessAsync(id, "{\"values\":{\"ok\":true}}");
        (await other).Result.GetProperty("values").GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    /// <summary>A clock whose timers wait until the test fires them.</summary>
    private sealed class GatedTimeProvider : TimeProvider
    {
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(TimerCallback Callback, object? State)> _timers = [];

        public Task TimerCreated => _created.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                lock (_timers)
                {
                    _timers.Add((callback, state));
                }

                _created.TrySetResult();
            }

            return new NoTimer();
        }

        public void Fire()
        {
            lock (_timers)
            {
                foreach (var (callback, state) in _timers)
                {
                    callback(state);
                }

                _timers.Clear();
            }
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }

    /// <summary>A transport to the test server, opened: the server's side of its socket has received the main subscription.</summary>
    private async Task<(WebSocketThreadStreamTransport Transport, ThreadEventLog Log, ServerSocket Socket)> OpenAsync(
        Action<LangGraphClientOptions>? configure = null,
        LangGraphRequestOptions? requestOptions = null,
        int maxReconnects = 3,
        IReadOnlyList<string>? channels = null,
        TimeProvider? timeProvider = null)
    {
        var (transport, log) = _server.CreateTransport(configure: configure, requestOptions: requestOptions, maxReconnects: maxReconnects, channels: channels, timeProvider: timeProvider);
        await transport.OpenAsync(CancellationToken.None);
        var socket = await _server.AcceptAsync();
        await socket.ExpectAsync("subscription.subscribe");
        return (transport, log, socket);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(deadline);
            await Task.Delay(10);
        }
    }

    private static async Task<List<ThreadEvent>> ReadAsync(ThreadEventLog log, int from, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<ThreadEvent>();
        await foreach (var e in log.ReadAsync(from, timeout.Token))
        {
            events.Add(e);
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using LangGraph.Sdk.ThreadStreams;

namespace LangGraph.Sdk.Tests.ThreadStreams;

public class ThreadEventLogTests
{
    private static ThreadEvent Event(long seq) => ProtocolEvents.Parse(ProtocolEvents.Values(seq, $"{{\"n\":{seq}}}"));

    [Fact]
    public void An_event_at_or_before_the_last_seq_is_dropped()
    {
        var log = new ThreadEventLog();

        log.TryAppend(Event(1)).Should().BeTrue();
        log.TryAppend(Event(3)).Should().BeTrue();
        log.TryAppend(Event(3)).Should().BeFalse();
        log.TryAppend(Event(2)).Should().BeFalse();

        log.LastSeq.Should().Be(3);
        log.Count.Should().Be(2);
    }

    [Fact]
    public void Seek_drops_the_events_up_to_a_cursor()
    {
        var log = new ThreadEventLog();
        log.Seek(5);

        log.TryAppend(Event(5)).Should().BeFalse();
        log.TryAppend(Event(6)).Should().BeTrue();
        log.Seek(2);
        log.LastSeq.Should().Be(6);
    }

    [Fact]
    public async Task Two_readers_at_once_and_a_late_one_see_every_event_in_order()
    {
        var log = new ThreadEventLog();
        var first = ReadAll(log, 0);
        var second = ReadAll(log, 0);
        var writer = Task.Run(async () =>
        {
            for (var seq = 1; seq <= 500; seq++)
            {
                log.TryAppend(Event(seq));
                if (seq % 50 == 0)
                {
                    await Task.Yield();
                }
            }

            log.Complete();
        });

        await writer;
        var late = await ReadAll(log, 0);
        var expected = Enumerable.Range(1, 500).Select(i => (long)i).ToList();
        (await first).Should().Equal(expected);
        (await second).Should().Equal(expected);
        late.Should().Equal(expected);
    }

    [Fact]
    public async Task A_reader_starts_at_its_position()
    {
        var log = new ThreadEventLog();
        log.TryAppend(Event(1));
        log.TryAppend(Event(2));
        log.TryAppend(Event(3));
        log.Complete();

        (await ReadAll(log, 2)).Should().Equal(3);
        log.Snapshot(1).Select(e => e.Seq).Should().Equal(2, 3);
    }

    [Fact]
    public async Task Cancelling_one_reader_leaves_the_other_reading()
    {
        var log = new ThreadEventLog();
        using var cancel = new CancellationTokenSource();
        var cancelled = ReadAll(log, 0, cancel.Token);
        var other = ReadAll(log, 0);
        log.TryAppend(Event(1));

        await cancel.CancelAsync();
        log.TryAppend(Event(2));
        log.Complete();

        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        (await other).Should().Equal(1, 2);
    }

    [Fact]
    public async Task A_fault_is_thrown_after_the_events_before_it()
    {
        var log = new ThreadEventLog();
        var seen = new List<long>();
        log.TryAppend(Event(1));
        log.TryAppend(Event(2));
        log.Fault(new LangGraphException("boom"));

        var act = async () =>
        {
            await foreach (var e in log.ReadAsync(0))
            {
                seen.Add(e.Seq);
            }
        };

        await act.Should().ThrowAsync<LangGraphException>().WithMessage("boom");
        seen.Should().Equal(1, 2);
    }

    [Fact]
    public async Task After_a_new_epoch_new_readers_are_not_ended_by_the_old_fault_and_seqs_restart()
    {
        var log = new ThreadEventLog();
        log.TryAppend(Event(7));
        var old = ReadAll(log, 0);
        await Task.Delay(20);
        log.Fault(new ThreadStreamGapException("t", 7, "gap"));
        log.NewEpoch();
        log.TryAppend(Event(1)).Should().BeTrue();
        var fresh = ReadAll(log, 1);
        log.Complete();

        await FluentActions.Awaiting(() => old).Should().ThrowAsync<ThreadStreamGapException>();
        (await fresh).Should().Equal(1);
    }

    private static async Task<List<long>> ReadAll(ThreadEventLog log, int from, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var seqs = new List<long>();
        await foreach (var e in log.ReadAsync(from, cancellationToken))
        {
            seqs.Add(e.Seq);
        }

        return seqs;
    }
}

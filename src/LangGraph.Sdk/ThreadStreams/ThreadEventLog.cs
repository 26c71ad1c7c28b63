using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// The one buffer of a <see cref="ThreadStream"/>: every event received, in order, once. Each reader has its own cursor
/// (an index into the buffer), so several readers, started at any time, see the same events and none is lost.
/// Thread-safe: transports append from their receive loops while readers read.
/// </summary>
/// <remarks>
/// Nothing is removed (a stream is per conversation). Duplicates (a replay after a reconnect, an event matching two
/// subscriptions) are dropped by sequence number. A fault ends the readers that were reading when it happened, after
/// they have drained what was buffered before it; after <see cref="NewEpoch"/> (the server lost its buffer and restarts
/// its sequence numbers) readers started from then on are not affected by it.
/// </remarks>
internal sealed class ThreadEventLog
{
    private readonly object _gate = new();
    private readonly List<ThreadEvent> _events = [];
    private readonly List<LogFault> _faults = [];
    private TaskCompletionSource _signal = NewSignal();
    private long _lastSeq;
    private int _epoch;
    private bool _completed;

    /// <summary>Gets the sequence number of the last event appended in this epoch (0 before any).</summary>
    public long LastSeq
    {
        get
        {
            lock (_gate)
            {
                return _lastSeq;
            }
        }
    }

    /// <summary>Gets how many events the log holds: the position the next event will have.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>
    /// Moves the cursor to <paramref name="seq"/> when it is ahead: events at or before it are dropped (they were seen before
    /// this stream, for example earlier runs of an existing thread that an SSE stream would otherwise replay).
    /// </summary>
    public void Seek(long seq)
    {
        lock (_gate)
        {
            _lastSeq = Math.Max(_lastSeq, seq);
        }
    }

    /// <summary>A copy of the events from position <paramref name="from"/> on, as they are now.</summary>
    public IReadOnlyList<ThreadEvent> Snapshot(int from)
    {
        lock (_gate)
        {
            from = Math.Clamp(from, 0, _events.Count);
            return _events.GetRange(from, _events.Count - from);
        }
    }

    /// <summary>Appends an event and wakes the readers; false (dropped) when its sequence number is at or before <see cref="LastSeq"/>, or the log is complete.</summary>
    public bool TryAppend(ThreadEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        TaskCompletionSource signal;
        lock (_gate)
        {
            if (_completed || e.Seq <= _lastSeq)
            {
                return false;
            }

            _lastSeq = e.Seq;
            _events.Add(e);
            signal = _signal;
            _signal = NewSignal();
        }

        signal.TrySetResult();
        return true;
    }

    /// <summary>Ends the readers of this epoch with <paramref name="e"/>, once they have read every event appended before it.</summary>
    public void Fault(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        TaskCompletionSource signal;
        lock (_gate)
        {
            _faults.Add(new LogFault(_events.Count, _epoch, e));
            signal = _signal;
            _signal = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>
    /// The server lost its buffer (a WebSocket reconnect on a 1.5.1 server): its next events restart at sequence number 1.
    /// Readers started from now on are not ended by an earlier fault.
    /// </summary>
    public void NewEpoch()
    {
        lock (_gate)
        {
            _lastSeq = 0;
            _epoch++;
        }
    }

    /// <summary>Ends every reader once it has read what is buffered (the stream was disposed). Later appends are dropped.</summary>
    public void Complete()
    {
        TaskCompletionSource signal;
        lock (_gate)
        {
            _completed = true;
            signal = _signal;
            _signal = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>
    /// Reads the events from position <paramref name="from"/> on, waiting for new ones, until the log completes or a fault of
    /// the reader's epoch is reached (then it is thrown, after the events before it).
    /// </summary>
    public async IAsyncEnumerable<ThreadEvent> ReadAsync(int from, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        int epoch;
        lock (_gate)
        {
            epoch = _epoch;
        }

        var cursor = Math.Max(0, from);
        var batch = new List<ThreadEvent>();
        while (true)
        {
            Task wait;
            Exception? fault = null;
            var done = false;
            batch.Clear();
            lock (_gate)
            {
                var limit = _events.Count;
                foreach (var f in _faults)
                {
                    if (f.Epoch == epoch && f.Position >= cursor)
                    {
                        limit = f.Position;
                        fault = f.Error;
                        break;
                    }
                }

                for (var i = cursor; i < limit; i++)
                {
                    batch.Add(_events[i]);
                }

                cursor = limit;
                done = fault is null && _completed && cursor >= _events.Count;
                wait = _signal.Task;
            }

            foreach (var e in batch)
            {
                yield return e;
            }

            if (fault is not null)
            {
                throw fault;
            }

            if (done)
            {
                yield break;
            }

            if (batch.Count == 0)
            {
                await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct LogFault(int Position, int Epoch, Exception Error);
}

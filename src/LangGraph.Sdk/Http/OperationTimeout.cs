using System;
using System.Collections.Concurrent;
using System.Threading;

namespace LangGraph.Sdk.Http;

/// <summary>
/// The <see cref="LangGraphClientOptions.Timeout"/> of one call: a <see cref="CancellationTokenSource"/> that cancels
/// after the timeout or when the caller's token does. The sources are pooled: one that neither elapsed nor was
/// cancelled is reset (<see cref="CancellationTokenSource.TryReset"/>, which also stops its timer) and serves the next
/// call, so that a call allocates no source, no linked source and no timer; a cancelled one is disposed.
/// </summary>
internal readonly struct OperationTimeout : IDisposable
{
    // Enough for the calls in flight at once in a busy process; beyond it sources are disposed rather than kept.
    private const int MaxPooled = 256;

    private static readonly ConcurrentQueue<CancellationTokenSource> Pool = new();
    private static int s_pooled;

    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _caller;

    private OperationTimeout(CancellationTokenSource source, CancellationTokenRegistration caller)
    {
        _source = source;
        _caller = caller;
    }

    /// <summary>Gets whether the source was cancelled: the timeout elapsed, or the caller cancelled.</summary>
    public bool HasElapsed => _source is { IsCancellationRequested: true };

    /// <summary>Starts the timeout of a call, linked to the caller's token.</summary>
    public static OperationTimeout Start(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!Pool.TryDequeue(out var source))
        {
            source = new CancellationTokenSource();
        }
        else
        {
            Interlocked.Decrement(ref s_pooled);
        }

        source.CancelAfter(timeout);
        var caller = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source)
            : default;
        return new OperationTimeout(source, caller);
    }

    /// <summary>The token the call runs with: the timeout's, or the caller's when there is no timeout.</summary>
    public CancellationToken Token(CancellationToken cancellationToken) => _source?.Token ?? cancellationToken;

    /// <summary>Unlinks the caller's token, and pools the source when it can be reset, else disposes it.</summary>
    public void Dispose()
    {
        if (_source is not { } source)
        {
            return;
        }

        // Waits for a cancellation callback that is running: after it, the caller's token no longer reaches the source.
        _caller.Dispose();
        if (source.TryReset())
        {
            if (Interlocked.Increment(ref s_pooled) <= MaxPooled)
            {
                Pool.Enqueue(source);
                return;
            }

            Interlocked.Decrement(ref s_pooled);
        }

        source.Dispose();
    }
}

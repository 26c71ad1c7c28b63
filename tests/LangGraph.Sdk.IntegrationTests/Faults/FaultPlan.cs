using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace LangGraph.Sdk.IntegrationTests.Faults;

/// <summary>What the proxy does to the POST that creates a run.</summary>
internal enum PostFault
{
    /// <summary>Forwarded untouched.</summary>
    None,

    /// <summary>Held for a while, then forwarded.</summary>
    Stall,

    /// <summary>503 without Retry-After, never forwarded.</summary>
    Burst503,

    /// <summary>503 with <c>Retry-After: 1</c>, never forwarded.</summary>
    Burst503RetryAfter,

    /// <summary>The connection is reset before the request is forwarded: the server never sees it.</summary>
    ResetBeforeForward,

    /// <summary>Forwarded (the run exists), then the connection is reset before any response byte.</summary>
    ResetAfterForward,

    /// <summary>307 to the same request on the proxy's own origin (a path alias it strips).</summary>
    RedirectSameOrigin,

    /// <summary>307 to the proxy's "other origin" listener (another port).</summary>
    RedirectOtherPort,

    /// <summary>307 to <c>localhost</c> on the proxy's own port: another origin by host name alone.</summary>
    RedirectLocalhost,

    /// <summary>500 whose JSON body echoes the request's credentials, raw and JSON-escaped.</summary>
    EchoCredentialsIn500,

    /// <summary>Forwarded, then the stream is replaced after a few events by an SSE <c>error</c> echoing the credentials.</summary>
    EchoCredentialsInErrorEvent,
}

/// <summary>How a stream connection ends early.</summary>
internal enum DropMode
{
    /// <summary>TCP reset (linger 0).</summary>
    Reset,

    /// <summary>FIN without the chunked terminator: a truncated body.</summary>
    Fin,

    /// <summary>Half of the next event, then FIN without the terminator.</summary>
    HalfEvent,

    /// <summary>Half of the next event, then the chunked terminator: a clean end mid-event.</summary>
    HalfEventCleanEnd,

    /// <summary>The chunked terminator after a whole event: a clean end before the run's last event.</summary>
    CleanEnd,
}

/// <summary>What the proxy does to one event-stream connection (the POST's response or a reconnect).</summary>
internal abstract record StreamFault
{
    /// <summary>Forward this connection untouched.</summary>
    public sealed record Pass : StreamFault;

    /// <summary>Forward <paramref name="AfterEvents"/> events, then end as <paramref name="Mode"/> says.</summary>
    public sealed record Drop(int AfterEvents, DropMode Mode) : StreamFault;

    /// <summary>Answer a reconnect with 503 (optionally with Retry-After) without forwarding it.</summary>
    public sealed record Refuse503(bool RetryAfter) : StreamFault;

    /// <summary>Reset a reconnect's connection without forwarding it.</summary>
    public sealed record RefuseReset : StreamFault;

    /// <summary>Wait before forwarding, then forward untouched or with the <paramref name="Then"/> fault.</summary>
    public sealed record Stall(int Milliseconds, StreamFault? Then = null) : StreamFault;
}

/// <summary>One run's faults, looked up by its thread id.</summary>
internal sealed class FaultPlan
{
    private readonly ConcurrentQueue<StreamFault> _streams;
    private readonly ConcurrentQueue<int> _statusFaults;

    public FaultPlan(PostFault post, bool addLocation, IEnumerable<StreamFault> streams, IEnumerable<int> statusFaults, int delayMs)
    {
        Post = post;
        AddLocation = addLocation;
        DelayMs = delayMs;
        _streams = new(streams);
        _statusFaults = new(statusFaults);
        Description = $"post={post} location={(addLocation ? "yes" : "no")} delay={delayMs}ms streams=[{string.Join(", ", _streams)}] status=[{string.Join(", ", _statusFaults.Select(s => s switch { -1 => "503", -2 => "503 Retry-After", _ => $"stall {s}ms" }))}]";
    }

    public PostFault Post { get; }

    /// <summary>Whether stream responses get <c>Location</c> (from <c>Content-Location</c>) as on the hosted platform.</summary>
    public bool AddLocation { get; }

    /// <summary>The slow graph's <c>delay_ms</c> for this run.</summary>
    public int DelayMs { get; }

    public string Description { get; }

    /// <summary>True when the client is expected to deliver the whole stream despite the faults.</summary>
    public bool ExpectsCompleteStream => AddLocation && Post is PostFault.None or PostFault.Stall;

    public StreamFault NextStreamFault() => _streams.TryDequeue(out var fault) ? fault : new StreamFault.Pass();

    /// <summary>The next status-check fault: -1 for a 503, -2 for a 503 with Retry-After: 1, positive for a stall in ms, null for none.</summary>
    public int? NextStatusFault() => _statusFaults.TryDequeue(out var fault) ? fault : null;

    /// <summary>
    /// A random plan; every fault stays within the client's default retry and reconnect budgets. The first runs cover
    /// each POST fault once and each drop mode before the first event, later, and later without Location, whatever the seed.
    /// </summary>
    public static FaultPlan Random(Random rng, int index)
    {
        var postFaults = Enum.GetValues<PostFault>();
        var dropModes = Enum.GetValues<DropMode>();
        var roll = rng.Next(100);
        var post = index < postFaults.Length ? postFaults[index] : roll switch
        {
            < 62 => PostFault.None,
            < 66 => PostFault.Stall,
            < 69 => PostFault.Burst503,
            < 72 => PostFault.Burst503RetryAfter,
            < 75 => PostFault.ResetBeforeForward,
            < 80 => PostFault.ResetAfterForward,
            < 83 => PostFault.RedirectSameOrigin,
            < 86 => PostFault.RedirectOtherPort,
            < 89 => PostFault.RedirectLocalhost,
            < 94 => PostFault.EchoCredentialsIn500,
            _ => PostFault.EchoCredentialsInErrorEvent,
        };
        var covering = index - postFaults.Length;
        var addLocation = covering < 2 * dropModes.Length || (covering >= 3 * dropModes.Length && rng.Next(100) >= 12);
        var streams = new List<StreamFault>();
        var drops = rng.Next(1, 4);
        var refusalsLeft = 2; // with at most one event-less drop, the reconnect budget (five in a row) is never spent
        if (covering >= 0 && covering < 3 * dropModes.Length)
        {
            // Each drop mode: before the first event, later, and later without Location.
            post = PostFault.None;
            streams.Add(new StreamFault.Drop(covering < dropModes.Length ? 0 : rng.Next(1, 8), dropModes[covering % dropModes.Length]));
            drops--;
        }

        for (var i = 0; i < drops; i++)
        {
            if (i > 0)
            {
                // The reconnect itself may fail.
                var refusals = rng.Next(refusalsLeft + 1);
                refusalsLeft -= refusals;
                for (var r = 0; r < refusals; r++)
                {
                    streams.Add(rng.Next(3) switch
                    {
                        0 => new StreamFault.Refuse503(RetryAfter: rng.Next(2) == 0),
                        1 => new StreamFault.RefuseReset(),
                        _ => new StreamFault.Stall(rng.Next(50, 400)),
                    });
                }
            }

            streams.Add(rng.Next(6) == 0
                ? new StreamFault.Pass()
                : new StreamFault.Drop(rng.Next(i == 0 ? 0 : 1, 8), (DropMode)rng.Next(Enum.GetValues<DropMode>().Length)));
        }

        var status = new List<int>();
        for (var i = rng.Next(3); i > 0; i--)
        {
            status.Add(rng.Next(3) switch { 0 => -1, 1 => -2, _ => rng.Next(100, 700) });
        }

        return new FaultPlan(post, addLocation, streams, status, rng.Next(5, 60));
    }
}

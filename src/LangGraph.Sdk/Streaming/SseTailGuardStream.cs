using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.Streaming;

/// <summary>
/// Wraps an SSE response body and decides, at its end, how the stream ended. It keeps only the last four bytes and the
/// first byte of the current line (one vectorised backward search per chunk), so it costs nothing on the hot path.
/// <list type="bullet">
/// <item>Ended with a blank line (or nothing at all): a clean end.</item>
/// <item>Ended after complete lines but without the blank line that dispatches the last event: a blank line is added
/// so that the parser dispatches it (the Python and JS SDKs flush it too).</item>
/// <item>Ended in the middle of a line that is not a comment: the last event was cut off, and
/// <see cref="SseTruncatedException"/> is thrown, so that the caller can reconnect or report it.</item>
/// </list>
/// </summary>
internal sealed class SseTailGuardStream : Stream
{
    private const int NoByte = -1;
    private static readonly byte[] BlankLine = "\n\n"u8.ToArray();

    private readonly Stream _inner;
    private readonly long _maxEventSize;
    private readonly string _source;
    private long _eventBytes;     // bytes of the current event so far (since the last blank line)
    private uint _last4;          // the last four bytes, the newest in the low byte
    private long _length;         // bytes read so far
    private int _lineFirstByte = NoByte; // first byte of the current (unterminated) line, or NoByte at a line start
    private int _injected = -1;   // -1: not at the end yet; otherwise bytes of BlankLine already returned

    public SseTailGuardStream(Stream inner, long maxEventSize = LangGraphClientOptions.DefaultMaxStreamEventSize, string source = "the stream")
    {
        _inner = inner;
        _maxEventSize = maxEventSize;
        _source = source;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_injected >= 0)
        {
            return Inject(buffer.Span);
        }

        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return read > 0 ? Track(buffer.Span[..read]) : AtEnd(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        if (_injected >= 0)
        {
            return Inject(buffer);
        }

        var read = _inner.Read(buffer);
        return read > 0 ? Track(buffer[..read]) : AtEnd(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private static bool IsLineEnd(uint b) => b is (byte)'\r' or (byte)'\n';

    /// <summary>
    /// The index just after the last blank line that ends in <paramref name="chunk"/> (two line-end bytes in a row other
    /// than one CRLF: <c>\n\n</c>, <c>\n\r</c>, <c>\r\r</c>), or -1. One that straddles the previous chunk counts too.
    /// </summary>
    private int LastEventBoundary(ReadOnlySpan<byte> chunk)
    {
        var end = Math.Max(chunk.LastIndexOf("\n\n"u8), Math.Max(chunk.LastIndexOf("\n\r"u8), chunk.LastIndexOf("\r\r"u8)));
        if (end >= 0)
        {
            return end + 2;
        }

        var previous = _last4 & 0xFF;
        return _length > 0 && IsLineEnd(previous) && IsLineEnd(chunk[0]) && !(previous == '\r' && chunk[0] == '\n') ? 1 : -1;
    }

    private int Track(ReadOnlySpan<byte> chunk)
    {
        var boundary = LastEventBoundary(chunk);
        _eventBytes = boundary >= 0 ? chunk.Length - boundary : _eventBytes + chunk.Length;
        if (_eventBytes > _maxEventSize)
        {
            throw new LangGraphException(
                $"An event of {_source} is larger than LangGraphClientOptions.MaxStreamEventSize ({_maxEventSize} bytes): the stream was stopped " +
                "rather than buffer it. Raise the option if such events are expected.");
        }

        _length += chunk.Length;
        var lastLineEnd = chunk.LastIndexOfAny((byte)'\r', (byte)'\n');
        if (lastLineEnd >= 0)
        {
            _lineFirstByte = lastLineEnd + 1 < chunk.Length ? chunk[lastLineEnd + 1] : NoByte;
        }
        else if (_lineFirstByte == NoByte)
        {
            _lineFirstByte = chunk[0];
        }

        var take = Math.Min(chunk.Length, 4);
        foreach (var b in chunk[^take..])
        {
            _last4 = (_last4 << 8) | b;
        }

        return chunk.Length;
    }

    private int AtEnd(Span<byte> buffer)
    {
        if (_length == 0)
        {
            return 0;
        }

        var last = _last4 & 0xFF;
        if (!IsLineEnd(last))
        {
            // The last line has no line end. A cut-off comment (": heartbeat") loses nothing; anything else does.
            if (_lineFirstByte != ':')
            {
                throw new SseTruncatedException(_length);
            }

            _injected = 0;
            return Inject(buffer);
        }

        // Strip the last line end (CRLF counts as one) and look at what precedes it: another line end means the
        // stream ended with a blank line, so nothing is pending.
        var strip = (_last4 & 0xFFFF) == (('\r' << 8) | '\n') ? 2 : 1;
        var before = strip == 2 ? (_last4 >> 16) & 0xFF : (_last4 >> 8) & 0xFF;
        if (_length <= strip || IsLineEnd(before))
        {
            return 0;
        }

        _injected = 0;
        return Inject(buffer);
    }

    private int Inject(Span<byte> buffer)
    {
        var remaining = BlankLine.AsSpan(_injected);
        var n = Math.Min(remaining.Length, buffer.Length);
        remaining[..n].CopyTo(buffer);
        _injected += n;
        return n;
    }
}

/// <summary>The event stream ended in the middle of a line: the last event was cut off.</summary>
internal sealed class SseTruncatedException : IOException
{
    public SseTruncatedException(long bytesRead)
        : base($"the stream ended in the middle of an event, after {bytesRead} bytes")
    {
    }
}

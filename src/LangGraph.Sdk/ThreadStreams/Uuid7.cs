using System;
#if !NET9_0_OR_GREATER
using System.Security.Cryptography;
#endif

namespace LangGraph.Sdk.ThreadStreams;

/// <summary>
/// Mints UUID version 7 ids (RFC 9562: 48-bit Unix milliseconds, version 7, variant 10, the rest random), as the official
/// SDKs do for a thread stream without a thread id: time-ordered and unguessable.
/// </summary>
internal static class Uuid7
{
    /// <summary>A new id in lower-case <c>8-4-4-4-12</c> form.</summary>
    public static string NewId(TimeProvider? timeProvider = null)
    {
#if NET9_0_OR_GREATER
        return Guid.CreateVersion7((timeProvider ?? TimeProvider.System).GetUtcNow()).ToString("D");
#else
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var ms = (timeProvider ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        bytes[0] = (byte)(ms >> 40);
        bytes[1] = (byte)(ms >> 32);
        bytes[2] = (byte)(ms >> 24);
        bytes[3] = (byte)(ms >> 16);
        bytes[4] = (byte)(ms >> 8);
        bytes[5] = (byte)ms;
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
#endif
    }
}

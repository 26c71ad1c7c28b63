using System;
using System.Security.Cryptography;
using System.Text;

namespace LangGraph.Sdk.Auth.Routing;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1), as the server's <c>uuid.v5(name, namespace)</c>.</summary>
internal static class UuidV5
{
    /// <summary>Creates the UUID v5 of a name in a namespace.</summary>
    /// <param name="namespaceBytes">The namespace UUID's 16 bytes, in network order.</param>
    /// <param name="name">The name, hashed as UTF-8.</param>
    /// <returns>The UUID, lower-case with hyphens.</returns>
    public static string Create(byte[] namespaceBytes, string name)
    {
        var input = new byte[namespaceBytes.Length + Encoding.UTF8.GetByteCount(name)];
        namespaceBytes.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(name, input.AsSpan(namespaceBytes.Length));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5; it is an identifier, not a security hash.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString("D");
    }
}

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;

namespace LangGraph.Sdk.Auth.Routing;

/// <summary>
/// Builds the one canonical form of a request target that <see cref="AuthRoutes.Classify"/> matches and a host forwards:
/// absolute-form, query and fragment removed, each segment percent-decoded once (an encoded slash is refused), dot
/// segments resolved, then each segment re-encoded so that the server decodes it back to the same segments.
/// </summary>
internal static class CanonicalPath
{
    // RFC 3986 pchar without '%': unreserved, sub-delims, ':' and '@'. Everything else is percent-encoded.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@");

    // What a path may hold to be canonical already: the plain characters and the separator.
    private static readonly SearchValues<char> PlainOrSlash = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/");

    /// <summary>Builds the canonical path, or says why there is none.</summary>
    /// <param name="target">The path or request target.</param>
    /// <param name="canonical">The canonical path.</param>
    /// <param name="refusal">Why the target cannot be mapped (400 or 404), when it cannot.</param>
    /// <returns>True when the target has a canonical form.</returns>
    public static bool TryCreate(string target, out string canonical, out AuthHttpException? refusal)
    {
        refusal = null;
        canonical = target;

        // Fast path: a path made of plain characters, with no empty or dot segment, is its own canonical form.
        if (target.Length > 1 && target[0] == '/' && !target.AsSpan().ContainsAnyExcept(PlainOrSlash) && IsCleanShape(target))
        {
            return true;
        }

        var path = StripTarget(target);
        if (path.Length == 0 || path == "/")
        {
            canonical = "/";
            return true;
        }

        if (path[0] != '/')
        {
            return Refuse(400, "The request target is not a path.", out canonical, out refusal);
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return Refuse(400, "The path holds a backslash.", out canonical, out refusal);
        }

        var segments = new List<string>();
        var trailingEmpty = false;
        foreach (var raw in path[1..].Split('/'))
        {
            if (raw.Length == 0)
            {
                return Refuse(404, "The path holds an empty segment (\"//\" or a trailing slash).", out canonical, out refusal);
            }

            if (!TryDecode(raw, out var segment, out var reason))
            {
                return Refuse(400, reason, out canonical, out refusal);
            }

            trailingEmpty = false;
            if (segment == ".")
            {
                trailingEmpty = true;
            }
            else if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                trailingEmpty = true;
            }
            else
            {
                segments.Add(segment);
            }
        }

        if (segments.Count == 0)
        {
            canonical = "/";
            return true;
        }

        if (trailingEmpty)
        {
            return Refuse(404, "The path ends with a dot segment, which leaves a trailing slash.", out canonical, out refusal);
        }

        var builder = new StringBuilder(path.Length);
        foreach (var segment in segments)
        {
            builder.Append('/');
            Encode(segment, builder);
        }

        canonical = builder.ToString();
        return true;
    }

    /// <summary>Decodes one segment of a canonical path (a path parameter's value).</summary>
    /// <param name="segment">The segment, as it stands in the canonical path.</param>
    /// <returns>The decoded value.</returns>
    public static string DecodeSegment(string segment) =>
        segment.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(segment) : segment;

    private static bool IsCleanShape(string path)
    {
        // No empty segment ("//", trailing slash) and no "." or ".." segment.
        var rest = path.AsSpan(1);
        while (true)
        {
            var slash = rest.IndexOf('/');
            var segment = slash < 0 ? rest : rest[..slash];
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }

            if (slash < 0)
            {
                return true;
            }

            rest = rest[(slash + 1)..];
        }
    }

    private static string StripTarget(string target)
    {
        var end = target.AsSpan().IndexOfAny('?', '#');
        var path = end >= 0 ? target[..end] : target;
        var scheme = path.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && IsScheme(path.AsSpan(0, scheme)))
        {
            var slash = path.IndexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path[slash..];
        }

        return path;
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDecode(string raw, out string segment, out string reason)
    {
        reason = string.Empty;
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            segment = raw;
            return CheckCharacters(segment, out reason);
        }

        var bytes = new byte[raw.Length * 3];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c != '%')
            {
                length += Encoding.UTF8.GetBytes(raw.AsSpan(i, char.IsHighSurrogate(c) && i + 1 < raw.Length ? 2 : 1), bytes.AsSpan(length));
                if (char.IsHighSurrogate(c) && i + 1 < raw.Length)
                {
                    i++;
                }

                continue;
            }

            if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
            {
                segment = string.Empty;
                reason = "The path holds a malformed percent escape.";
                return false;
            }

            var b = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
            if (b == (byte)'/')
            {
                segment = string.Empty;
                reason = "The path holds an encoded slash (%2F), which would not be a separator; it is refused.";
                return false;
            }

            bytes[length++] = b;
            i += 2;
        }

        try
        {
            segment = new UTF8Encoding(false, true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            segment = string.Empty;
            reason = "The path decodes to bytes that are not UTF-8.";
            return false;
        }

        return CheckCharacters(segment, out reason);
    }

    private static bool CheckCharacters(string segment, out string reason)
    {
        foreach (var c in segment)
        {
            if (char.IsControl(c))
            {
                reason = "The path holds a control character.";
                return false;
            }
        }

        reason = string.Empty;
        return true;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static void Encode(string segment, StringBuilder builder)
    {
        if (!segment.AsSpan().ContainsAnyExcept(Plain))
        {
            builder.Append(segment);
            return;
        }

        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (Plain.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < segment.Length ? 2 : 1;
            var count = Encoding.UTF8.GetBytes(segment.AsSpan(i, width), utf8);
            for (var j = 0; j < count; j++)
            {
                builder.Append('%').Append(utf8[j].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            i += width - 1;
        }
    }

    private static bool Refuse(int status, string reason, out string canonical, out AuthHttpException? refusal)
    {
        canonical = string.Empty;
        refusal = new AuthHttpException(status, reason);
        return false;
    }
}

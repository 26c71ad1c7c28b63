using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LangGraph.Sdk.IntegrationTests.Faults;

/// <summary>One HTTP/1.1 request read off a raw socket: request line, headers, and the whole body.</summary>
internal sealed record RawHttpRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string Path => Target.Split('?')[0];

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>True when the request carries anything that authenticates the caller.</summary>
    public bool CarriesCredentials =>
        Header("Authorization") is not null || Header("x-api-key") is not null || Header("Cookie") is not null;

    /// <summary>Reads one request, or null when the connection closed before a request line.</summary>
    public static async Task<RawHttpRequest?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var reader = new LineReader(stream);
        var requestLine = await reader.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(requestLine))
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        while (await reader.ReadLineAsync(cancellationToken) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var request = new RawHttpRequest(parts[0], parts[1], headers, []);
        byte[] body;
        if (request.Header("Content-Length") is { } length)
        {
            body = await reader.ReadBytesAsync(int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (string.Equals(request.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            using var buffer = new MemoryStream();
            while (true)
            {
                var size = int.Parse((await reader.ReadLineAsync(cancellationToken))!.Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var chunk = await reader.ReadBytesAsync(size, cancellationToken);
                await reader.ReadLineAsync(cancellationToken);
                if (size == 0)
                {
                    break;
                }

                buffer.Write(chunk);
            }

            body = buffer.ToArray();
        }
        else
        {
            body = [];
        }

        return request with { Body = body };
    }

    /// <summary>A tiny buffered reader for CRLF lines and exact byte counts.</summary>
    private sealed class LineReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[8192];
        private int _start;
        private int _end;

        public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new List<byte>();
            while (true)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    return line.Count == 0 ? null : Encoding.Latin1.GetString(line.ToArray());
                }

                var b = _buffer[_start++];
                if (b == '\n')
                {
                    if (line.Count > 0 && line[^1] == '\r')
                    {
                        line.RemoveAt(line.Count - 1);
                    }

                    return Encoding.Latin1.GetString(line.ToArray());
                }

                line.Add(b);
            }
        }

        public async Task<byte[]> ReadBytesAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !await FillAsync(cancellationToken))
                {
                    throw new EndOfStreamException("the request body was cut");
                }

                var n = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, result, filled, n);
                _start += n;
                filled += n;
            }

            return result;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            _start = 0;
            _end = await stream.ReadAsync(_buffer, cancellationToken);
            return _end > 0;
        }
    }
}

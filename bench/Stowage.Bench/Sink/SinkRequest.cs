using System.Globalization;
using System.Text;

namespace Stowage.Bench.Sink;

/// <summary>The parts of an HTTP/1.1 request head the sink needs.</summary>
internal sealed record SinkRequest(
    string Method,
    string Path,
    string Query,
    long ContentLength,
    string? ContentRange,
    long? UploadOffset,
    bool Chunked,
    bool ExpectContinue,
    bool Close)
{
    /// <summary>Parses the head (request line and headers, without the blank line); null if malformed.</summary>
    public static SinkRequest? Parse(ReadOnlySpan<byte> head)
    {
        var lines = Encoding.ASCII.GetString(head).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            return null;
        }

        long contentLength = 0;
        string? contentRange = null;
        long? uploadOffset = null;
        bool chunked = false, expectContinue = false, close = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return null;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (Is(name, "Content-Length") && !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out contentLength))
            {
                return null;
            }

            if (Is(name, "Content-Range"))
            {
                contentRange = value;
            }
            else if (Is(name, "Upload-Offset") && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                uploadOffset = offset;
            }
            else if (Is(name, "Transfer-Encoding"))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (Is(name, "Expect"))
            {
                expectContinue = Is(value, "100-continue");
            }
            else if (Is(name, "Connection"))
            {
                close = Is(value, "close");
            }
        }

        var path = requestLine[1];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return new SinkRequest(requestLine[0], query < 0 ? path : path[..query], query < 0 ? "" : path[(query + 1)..], contentLength, contentRange, uploadOffset, chunked, expectContinue, close);
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

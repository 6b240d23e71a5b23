using System.Globalization;
using System.Text;

namespace Stowage.Bench.Sink;

/// <summary>
/// The sink's answers. Stateless: tus offsets and Sessions progress are computed from the
/// request's own headers, so the sink costs a body drain and a tiny answer. S3 requests to
/// the sink's own bucket are answered by <see cref="SinkS3Responder"/>.
/// </summary>
internal sealed class SinkResponder
{
    private const string SessionsPrefix = "/api/v1/uploads";
    private const string TusPrefix = "/files";

    private long nextId;

    public static byte[] Reject(int status) => Build(status, "", "");

    public byte[] Respond(SinkRequest request)
    {
        var (method, path) = (request.Method, request.Path);
        if (path == "/healthz")
        {
            return Build(200, "", "ok");
        }

        if (path.StartsWith(SessionsPrefix, StringComparison.Ordinal))
        {
            return method switch
            {
                "POST" when path.TrimEnd('/') == SessionsPrefix => Build(201, "", $$"""{"upload_id":"sink{{Interlocked.Increment(ref nextId)}}","expires_in_seconds":259200}"""),
                "PUT" => SessionsPut(request),
                "DELETE" => Build(200, "", """{"deleted":true}"""),
                _ => Build(404, "", ""),
            };
        }

        if (path.StartsWith(TusPrefix, StringComparison.Ordinal))
        {
            return method switch
            {
                "POST" => Build(201, $"Tus-Resumable: 1.0.0\r\nLocation: /files/{Interlocked.Increment(ref nextId)}\r\nUpload-Offset: {request.ContentLength}\r\n", ""),
                "PATCH" => Build(204, $"Tus-Resumable: 1.0.0\r\nUpload-Offset: {(request.UploadOffset ?? 0) + request.ContentLength}\r\n", ""),
                _ => Build(404, "", ""),
            };
        }

        if (path.StartsWith(SinkS3Responder.Prefix, StringComparison.Ordinal))
        {
            return SinkS3Responder.Respond(request, Interlocked.Increment(ref nextId));
        }

        return method == "PUT" ? Build(201, "", "") : Build(404, "", "");
    }

    private static byte[] SessionsPut(SinkRequest request)
    {
        long received = request.ContentLength, total = request.ContentLength;

        // "bytes <start>-<end>/<total>" (seed 004): the answer is what a correct server would say.
        if (request.ContentRange is { } range && range.StartsWith("bytes ", StringComparison.Ordinal))
        {
            var parts = range[6..].Split('-', '/');
            if (parts.Length == 3
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                received = last + 1;
                total = length;
            }
        }

        var complete = received == total ? "true" : "false";
        return Build(200, "", $$"""{"received":{{received}},"total":{{total}},"complete":{{complete}}}""");
    }

    public static byte[] Build(int status, string headers, string body)
    {
        var reason = status switch
        {
            200 => "OK",
            201 => "Created",
            204 => "No Content",
            400 => "Bad Request",
            411 => "Length Required",
            _ => "Not Found",
        };

        // RFC 9110 §8.6: no Content-Length on a 204.
        var length = status == 204 ? "" : $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n";
        var type = body.StartsWith('{') ? "Content-Type: application/json\r\n"
            : body.StartsWith('<') ? "Content-Type: application/xml\r\n"
            : body.Length > 0 ? "Content-Type: text/plain\r\n" : "";
        return Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {reason}\r\n{length}{type}{headers}\r\n{body}");
    }
}

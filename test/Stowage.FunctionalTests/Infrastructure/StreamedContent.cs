using System.Net;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A body of unknown length: HttpClient sends it with chunked transfer encoding (no Content-Length).</summary>
public sealed class StreamedContent : HttpContent
{
    private readonly byte[] _body;

    public StreamedContent(byte[] body)
    {
        _body = body;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await stream.WriteAsync(_body);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

using System.Net;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// A request body that sends its first part, then holds the request open until released (or until
/// the connection dies), then sends the rest: a slow upload in flight, under the test's control.
/// </summary>
public sealed class GatedContent : HttpContent
{
    private static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(60);

    private readonly byte[] _body;
    private readonly int _firstPart;
    private readonly bool _declareLength;
    private readonly TaskCompletionSource _firstPartSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="body">The whole body.</param>
    /// <param name="firstPart">How many bytes go out before the hold.</param>
    /// <param name="declareLength">Content-Length (true) or chunked transfer encoding (false).</param>
    public GatedContent(byte[] body, int firstPart, bool declareLength = true)
    {
        _body = body;
        _firstPart = firstPart;
        _declareLength = declareLength;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
    }

    /// <summary>Completes once the first part was written and flushed to the socket.</summary>
    public Task FirstPartSent => _firstPartSent.Task;

    public void Release() => _release.TrySetResult();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(_body.AsMemory(0, _firstPart), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        _firstPartSent.TrySetResult();
        await _release.Task.WaitAsync(MaxHold, cancellationToken);
        await stream.WriteAsync(_body.AsMemory(_firstPart), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return _declareLength;
    }
}

using Stowage.Bench.Data;
using Stowage.Bench.Sink;

namespace Stowage.Bench.S3;

/// <summary>
/// The null sink: S3 clients upload to it unchanged, and what they reach is their ceiling on this machine.
/// Verified by the bytes drained, which include aws-chunked framing and request XML, so at least the file.
/// </summary>
internal sealed class SinkObjects(NullSinkServer sink) : IS3Store
{
    public string Name => "null sink";

    public string Bucket => SinkS3Responder.Bucket;

    public Uri Endpoint => sink.BaseAddress;

    public int? ServerPid => null;

    public Task<string?> VerifyAsync(string key, TestFile file, string? etag, CancellationToken ct)
    {
        if (sink.Counters.Bytes < file.Length)
        {
            throw new UploadMismatchException($"sink drained {sink.Counters.Bytes} bytes, expected at least {file.Length}");
        }

        return Task.FromResult<string?>(null);
    }

    public Task CleanAsync(string key, CancellationToken ct)
    {
        sink.Counters.Reset();
        return Task.CompletedTask;
    }
}

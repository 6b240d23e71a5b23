using System.IO.Pipelines;

namespace Stowage.Server.Protocols.S3.Auth;

/// <summary>
/// Readers over the body streams that decode or verify (aws-chunked, a hex payload digest), so that the core
/// reads every S3 body the same way. Each reads 1 MiB at a time, the blob stores' write unit, and is completed
/// (its buffers returned) when the request ends.
/// </summary>
internal static class S3BodyReaders
{
    private const int BufferBytes = 1 << 20;

    public static PipeReader Over(Stream body, HttpContext context)
    {
        var reader = PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: BufferBytes, minimumReadSize: BufferBytes / 4, leaveOpen: true));
        context.Response.RegisterForDisposeAsync(new Completion(reader));
        return reader;
    }

    private sealed class Completion(PipeReader reader) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => reader.CompleteAsync();
    }
}

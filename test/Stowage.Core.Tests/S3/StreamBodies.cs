using System.IO.Pipelines;
using Stowage.Core.Errors;
using Stowage.Core.S3;

namespace Stowage.Core.Tests.S3;

/// <summary>
/// The services read bodies as a server hands them over, through a reader. Tests write their bodies as
/// streams (in memory, failing, gated); these overloads put a reader over them, reading small pieces so a
/// body of a few KiB still arrives in several reads.
/// </summary>
internal static class StreamBodies
{
    public static PipeReader Reader(Stream body) =>
        PipeReader.Create(body, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024, leaveOpen: true));

    public static Task<Result<S3ObjectRecord>> PutAsync(this S3ObjectService objects, S3Bucket bucket, string key, Stream content, long? declaredLength, ObjectWrite write, CancellationToken cancellationToken) =>
        objects.PutAsync(bucket, key, Reader(content), declaredLength, write, cancellationToken);

    public static Task<Result<PartRecord>> UploadPartAsync(this S3MultipartService multipart, S3Bucket bucket, string key, string uploadId, int partNumber, Stream content, long? declaredLength, ObjectWrite write, CancellationToken cancellationToken) =>
        multipart.UploadPartAsync(bucket, key, uploadId, partNumber, Reader(content), declaredLength, write, cancellationToken);
}

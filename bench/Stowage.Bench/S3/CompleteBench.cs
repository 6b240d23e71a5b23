using System.Diagnostics;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Stowage.Bench.Data;
using Stowage.Bench.Servers;

namespace Stowage.Bench.S3;

/// <summary>
/// Completing a many-part upload: create it, send every part with the SDK (default mode, as TransferUtility
/// would: signed streaming with a CRC32 trailer, checksums listed in Complete), flush the disk, then time
/// the CompleteMultipartUpload call alone. Verified after the timing by reading the object back.
/// </summary>
internal sealed class CompleteBench(IAmazonS3 client, string bucket, TestFile source)
{
    // Parallel part uploads: enough to keep both cores busy without a queue at the server.
    private const int Workers = 8;

    public async Task<CompleteSample> MeasureAsync(int round, PartLayout layout, CancellationToken ct)
    {
        var key = $"complete/{layout.Parts}x{layout.PartBytes}/r{round}/{source.Name}";
        var created = await client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = "application/octet-stream" }, ct);
        try
        {
            var responses = new UploadPartResponse[layout.Parts];
            var partsClock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, layout.Parts), new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = ct }, async (i, token) =>
            {
                responses[i] = await client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = created.UploadId,
                    PartNumber = i + 1,
                    FilePath = source.Path,
                    FilePosition = layout.Offset(i),
                    PartSize = layout.PartBytes,
                }, token);
            });
            partsClock.Stop();

            // Untimed: the parts' write-back must not land in Complete's timing.
            await DiskSync.RunAsync(ct);
            var complete = new CompleteMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = created.UploadId };
            complete.AddPartETagsAndChecksums(responses);
            var clock = Stopwatch.StartNew();
            var completed = await client.CompleteMultipartUploadAsync(complete, ct);
            clock.Stop();

            await VerifyAsync(key, layout, completed.ETag, ct);
            return new CompleteSample(round + 1, layout.Parts, layout.PartBytes, clock.Elapsed.TotalMilliseconds, partsClock.Elapsed.TotalSeconds);
        }
        finally
        {
            // Completed or not, nothing of it may stay (AbortMultipartUpload of a completed upload is NoSuchUpload).
            await BestEffortAsync(() => client.AbortMultipartUploadAsync(bucket, key, created.UploadId, CancellationToken.None));
            await BestEffortAsync(() => client.DeleteObjectAsync(bucket, key, CancellationToken.None));
        }
    }

    private async Task VerifyAsync(string key, PartLayout layout, string etag, CancellationToken ct)
    {
        var (sha256, expectedETag) = await layout.ExpectedAsync(ct);
        if (etag.Trim('"') != expectedETag)
        {
            throw new UploadMismatchException($"Complete {key}: ETag {etag}, expected \"{expectedETag}\"");
        }

        using var response = await client.GetObjectAsync(bucket, key, ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[1 << 20];
        long length = 0;
        int read;
        while ((read = await response.ResponseStream.ReadAsync(block, ct)) > 0)
        {
            hash.AppendData(block, 0, read);
            length += read;
        }

        var actual = hash.GetHashAndReset();
        if (length != layout.TotalBytes || !actual.AsSpan().SequenceEqual(sha256))
        {
            throw new UploadMismatchException($"GET {key}: {length} bytes, SHA-256 {Convert.ToHexStringLower(actual)}; expected {layout.TotalBytes}, {Convert.ToHexStringLower(sha256)}");
        }
    }

    private static async Task BestEffortAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AmazonS3Exception)
        {
            // Already gone.
        }
    }
}

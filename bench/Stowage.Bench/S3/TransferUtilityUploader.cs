using Amazon.S3;
using Amazon.S3.Transfer;
using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>
/// AWSSDK.S3 TransferUtility.UploadAsync from a file path with its defaults: multipart above 16 MiB,
/// its own part size, 10 concurrent part uploads (TransferUtilityConfig.ConcurrentServiceRequests).
/// </summary>
internal sealed class TransferUtilityUploader(IAmazonS3 client, SdkPayloadMode mode, PayloadRecorder recorder) : IS3Uploader
{
    public string Describe() => $"AWSSDK.S3 TransferUtility.UploadAsync(FilePath), default part size, {new TransferUtilityConfig().ConcurrentServiceRequests} concurrent parts, {SdkPayloadModes.ContentSha256(mode)}";

    public async Task<string?> UploadAsync(TestFile file, string bucket, string key, CancellationToken ct)
    {
        recorder.Take();
        var request = new TransferUtilityUploadRequest
        {
            BucketName = bucket,
            Key = key,
            FilePath = file.Path,
            ContentType = "application/octet-stream",
        };
        if (mode == SdkPayloadMode.Unsigned)
        {
            request.DisablePayloadSigning = true;
        }

        // Built per upload, as a user's code would; it does not dispose the client it was given.
        using var utility = new TransferUtility(client);
        await utility.UploadAsync(request, ct);
        PayloadModeCheck.Expect(recorder, mode, $"TransferUtility {key}");
        return null;
    }
}

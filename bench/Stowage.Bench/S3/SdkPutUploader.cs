using Amazon.S3;
using Amazon.S3.Model;
using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>AWSSDK.S3 PutObjectAsync from a file path: one PUT of the whole file.</summary>
internal sealed class SdkPutUploader(IAmazonS3 client, SdkPayloadMode mode, PayloadRecorder recorder) : IS3Uploader
{
    public string Describe() => $"AWSSDK.S3 PutObjectAsync(FilePath), one PUT, x-amz-content-sha256 {SdkPayloadModes.ContentSha256(mode)}";

    public async Task<string?> UploadAsync(TestFile file, string bucket, string key, CancellationToken ct)
    {
        recorder.Take();
        var request = new PutObjectRequest
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

        var response = await client.PutObjectAsync(request, ct);
        PayloadModeCheck.Expect(recorder, mode, $"PutObject {key}");
        return response.ETag;
    }
}

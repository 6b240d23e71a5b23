using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>
/// "aws s3 cp FILE s3://bucket/key" with awscli's defaults: multipart in 8 MiB parts, 10 at a time, each
/// part with a hex SHA-256 payload hash and Content-MD5 (reference/s3-wire). A run includes the
/// Python start-up, as it does for a user; the report shows that cost measured on its own.
/// </summary>
internal sealed class AwsCliUploader(AwsCli cli) : IS3Uploader
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public string Describe() => $"awscli v2 'aws s3 cp', {AwsCli.ChunkBytes >> 20} MiB parts, {AwsCli.ConcurrentRequests} concurrent, hex SHA-256 + Content-MD5 per part (the only mode over http)";

    public async Task<string?> UploadAsync(TestFile file, string bucket, string key, CancellationToken ct)
    {
        var result = await cli.RunAsync(["s3", "cp", file.Path, $"s3://{bucket}/{key}", "--endpoint-url", cli.Endpoint, "--only-show-errors", "--no-progress"], Limit, ct);
        if (result.ExitCode != 0)
        {
            throw new UploadMismatchException($"aws s3 cp exited with {result.ExitCode}: {(result.StandardError + result.StandardOutput).Trim()}");
        }

        return null;
    }
}

using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Amazon.S3;
using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>
/// Stowage's S3 endpoint. An upload is verified by reading it back through GetObject and comparing
/// length and SHA-256 with the source, and its ETag with S3's rules: the MD5 of the bytes for a single
/// PUT, "md5-of-md5s-N" for a multipart upload.
/// </summary>
internal sealed partial class StowageObjects(string name, IAmazonS3 client, Uri endpoint, string bucket, FileDigests digests, int? serverPid) : IS3Store
{
    private const int BlockSize = 1 << 20;

    public string Name => name;

    public string Bucket => bucket;

    public Uri Endpoint => endpoint;

    public int? ServerPid => serverPid;

    public async Task<string?> VerifyAsync(string key, TestFile file, string? etag, CancellationToken ct)
    {
        var expected = await digests.GetAsync(file, ct);
        using var response = await client.GetObjectAsync(bucket, key, ct);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var block = new byte[BlockSize];
        long length = 0;
        int read;
        while ((read = await response.ResponseStream.ReadAsync(block, ct)) > 0)
        {
            sha.AppendData(block, 0, read);
            length += read;
        }

        var actual = sha.GetHashAndReset();
        if (length != file.Length || !actual.AsSpan().SequenceEqual(expected.Sha256))
        {
            throw new UploadMismatchException($"GET {bucket}/{key}: {length} bytes, SHA-256 {Convert.ToHexStringLower(actual)}; expected {file.Length} bytes, {Convert.ToHexStringLower(expected.Sha256)}");
        }

        var stored = response.ETag.Trim('"');
        if (etag is not null && etag.Trim('"') != stored)
        {
            throw new UploadMismatchException($"{bucket}/{key}: the upload was answered ETag {etag}, GET says {response.ETag}");
        }

        var single = !stored.Contains('-', StringComparison.Ordinal);
        if (single ? stored != expected.Md5Hex : !MultipartETag().IsMatch(stored))
        {
            throw new UploadMismatchException($"{bucket}/{key}: ETag {stored} is not {(single ? "the MD5 " + expected.Md5Hex : "of the form md5-of-md5s-N")}");
        }

        return stored;
    }

    public async Task CleanAsync(string key, CancellationToken ct) => await client.DeleteObjectAsync(bucket, key, ct);

    [GeneratedRegex("^[0-9a-f]{32}-[1-9][0-9]*$")]
    private static partial Regex MultipartETag();
}

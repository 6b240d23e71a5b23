using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The tests' own view of the bucket, through AWSSDK.S3 with the long-lived account key: it checks what
/// a client stored independently of that client's own download.
/// </summary>
public sealed class S3Objects(AmazonS3Client client) : IDisposable
{
    /// <summary>HeadObject; null when the server answers 404.</summary>
    public async Task<StoredObject?> HeadAsync(string bucket, string key)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(bucket, key);
            return new StoredObject(head.ETag.Trim('"'), head.ContentLength);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>GetObject, hashed as it streams: the SHA-256 hex of what the server returns.</summary>
    public async Task<string> Sha256Async(string bucket, string key)
    {
        using var response = await client.GetObjectAsync(bucket, key);
        await using var body = response.ResponseStream;
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(body));
    }

    public async Task<string> PutAsync(string bucket, string key, byte[] content)
    {
        var response = await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content) });
        return response.ETag.Trim('"');
    }

    /// <summary>Asserts the object holds exactly <paramref name="file"/> and carries <paramref name="expectedETag"/>.</summary>
    public async Task ShouldHoldAsync(string bucket, string key, TestFile file, string expectedETag)
    {
        var head = await HeadAsync(bucket, key);
        head.ShouldNotBeNull($"s3://{bucket}/{key} does not exist after the upload");
        head.Length.ShouldBe(file.Length, $"length of s3://{bucket}/{key}");
        head.ETag.ShouldBe(expectedETag, $"ETag of s3://{bucket}/{key}");
        (await Sha256Async(bucket, key)).ShouldBe(file.Sha256, $"SHA-256 of s3://{bucket}/{key} read back with GetObject");
    }

    public void Dispose() => client.Dispose();
}

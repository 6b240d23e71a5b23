using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>One S3 client's way of uploading a file, as its users would call it.</summary>
internal interface IS3Uploader
{
    /// <summary>How this client uploads, for the report.</summary>
    string Describe();

    /// <summary>Uploads <paramref name="file"/> to bucket/key; returns the ETag when the client surfaces it.</summary>
    Task<string?> UploadAsync(TestFile file, string bucket, string key, CancellationToken ct);
}

using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>Where the S3 clients upload to: Stowage's endpoint or the null sink.</summary>
internal interface IS3Store
{
    /// <summary>Server name for the report.</summary>
    string Name { get; }

    string Bucket { get; }

    /// <summary>Endpoint the clients are configured with.</summary>
    Uri Endpoint { get; }

    /// <summary>The server process; null for the in-process sink.</summary>
    int? ServerPid { get; }

    /// <summary>
    /// Checks after the timing that bucket/key holds exactly <paramref name="file"/>; returns the stored
    /// ETag (null where nothing is stored). <paramref name="etag"/> is what the client was answered, if it says.
    /// </summary>
    Task<string?> VerifyAsync(string key, TestFile file, string? etag, CancellationToken ct);

    /// <summary>Removes an uploaded object (keeps disk use and page cache flat between measurements).</summary>
    Task CleanAsync(string key, CancellationToken ct);
}

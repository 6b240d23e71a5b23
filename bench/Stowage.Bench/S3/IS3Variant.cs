using Stowage.Bench.Data;

namespace Stowage.Bench.S3;

/// <summary>One row of the S3 scenario: a client against a server.</summary>
internal interface IS3Variant
{
    /// <summary>Stable identifier for the JSON and ratios, e.g. "stowage/sdk-put-signed-crc32".</summary>
    string Key { get; }

    /// <summary>The client's row label, e.g. "SDK PutObject, UNSIGNED-PAYLOAD".</summary>
    string Client { get; }

    /// <summary>The server's name, e.g. "Stowage (fsync on)".</summary>
    string Server { get; }

    string Describe();

    /// <summary>The server process, whose CPU time a measurement records; null for the in-process sink.</summary>
    int? ServerPid { get; }

    /// <summary>Uploads the file; returns where it landed, in the variant's own terms.</summary>
    Task<string> UploadAsync(TestFile file, string tag, CancellationToken ct);

    /// <summary>Checks after the timing that the upload stored exactly the file; returns a note for the report (e.g. the part count).</summary>
    Task<string?> VerifyAsync(string locator, TestFile file, CancellationToken ct);

    /// <summary>Removes what earlier uploads stored.</summary>
    Task CleanAsync(CancellationToken ct);
}

namespace Stowage.Core.S3;

/// <summary>Settings of the S3 endpoint (configuration section <c>Stowage:S3</c>).</summary>
public sealed class S3Options
{
    public const string SectionName = "Stowage:S3";

    /// <summary>The region clients sign for. Any region in a signature's scope is accepted; this one is what the server reports and presigns with.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The base URL clients reach the S3 endpoint at (for presigned URLs and the CLI's "endpoint"); null means the first S3 listener.</summary>
    public string? PublicEndpoint { get; set; }

    /// <summary>
    /// The domain under which virtual-hosted-style requests name their bucket (Host <c>{bucket}.{domain}</c>), e.g.
    /// "s3.example.com"; null means path style only (what every client does against a custom endpoint).
    /// </summary>
    public string? VirtualHostDomain { get; set; }

    /// <summary>
    /// The read-only bucket in which each account's long-lived keys see that account's own projects' files, as
    /// <c>{project}/{path}</c> (docs/protocols/s3.md, "The projects bucket"). The name is reserved: no account can
    /// create a bucket of its own with it, and the server does not start over a data directory that already holds one.
    /// </summary>
    public string ProjectsBucket { get; set; } = DefaultProjectsBucket;

    public const string DefaultProjectsBucket = "stowage-projects";

    /// <summary>Buckets created at start-up when missing: name → account name (the account is created when missing).</summary>
    public Dictionary<string, string> Buckets { get; } = new(StringComparer.Ordinal);

    /// <summary>S3's largest single PUT and largest part: 5 GiB (docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html).</summary>
    public long MaxObjectBytes { get; set; } = 5L * 1024 * 1024 * 1024;

    /// <summary>S3's smallest part except the last: 5 MiB (same page).</summary>
    public long MinPartBytes { get; set; } = 5L * 1024 * 1024;

    /// <summary>Longest lifetime of a temporary credential; STS allows up to 12 h for role sessions, the seeds use 2 h and 24 h.</summary>
    public int MaxTemporaryCredentialSeconds { get; set; } = 36 * 3600;

    /// <summary>Longest presigned-URL lifetime: 7 days, as SigV4 allows (X-Amz-Expires at most 604800).</summary>
    public int MaxPresignedSeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>
    /// A multipart upload neither completed nor aborted this long after it was initiated is aborted by the
    /// server, parts and all: 7 days by default (the age AWS suggests for a lifecycle rule's
    /// AbortIncompleteMultipartUpload); 0 keeps them until a client aborts them.
    /// </summary>
    public int AbandonedMultipartUploadSeconds { get; set; } = 7 * 24 * 3600;

    /// <summary>How often the server looks for abandoned multipart uploads.</summary>
    public int MultipartSweepIntervalSeconds { get; set; } = 3600;

    /// <summary>Largest allowed difference between a request's x-amz-date and the server clock: 15 minutes, as S3.</summary>
    public int MaxClockSkewSeconds { get; set; } = 15 * 60;
}

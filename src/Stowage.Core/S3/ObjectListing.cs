namespace Stowage.Core.S3;

/// <summary>One page of ListObjectsV2. <see cref="NextContinuationToken"/> is opaque to clients.</summary>
public sealed record ObjectListing(
    IReadOnlyList<S3ObjectRecord> Objects,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string? NextContinuationToken);

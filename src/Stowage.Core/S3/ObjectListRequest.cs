namespace Stowage.Core.S3;

/// <summary>The parameters of ListObjectsV2 (prefix, delimiter, max-keys, continuation-token, start-after).</summary>
public sealed record ObjectListRequest(string Prefix, string? Delimiter, int MaxKeys, string? ContinuationToken, string? StartAfter);

namespace Stowage.Core.S3;

/// <summary>A bucket of the S3 endpoint; every object in it belongs to the bucket's account.</summary>
public sealed record S3Bucket(string Name, string AccountId, DateTimeOffset Created);

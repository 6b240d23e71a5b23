namespace Stowage.Core.S3;

/// <summary>
/// The policy of a temporary credential (seeds 000/001: "temporary AWS credentials scoped to a single S3
/// key"): exactly one object; PutObject and the multipart operations on it, nothing else; uploads must
/// carry <c>x-amz-acl: bucket-owner-full-control</c>.
/// </summary>
public sealed record S3KeyScope(string Bucket, string Key);

namespace Stowage.Bench.S3;

/// <summary>A source file's SHA-256 and MD5 (hex): what a stored copy and its single-PUT ETag must match.</summary>
internal sealed record FileDigest(byte[] Sha256, string Md5Hex);

namespace Stowage.Core.Checksums;

/// <summary>A checksum as S3 carries it: the algorithm and the base64 of the big-endian digest.</summary>
public sealed record ChecksumValue(ChecksumAlgorithm Algorithm, string Base64);

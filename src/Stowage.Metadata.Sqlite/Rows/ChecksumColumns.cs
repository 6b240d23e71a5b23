using Stowage.Core.Checksums;

namespace Stowage.Metadata.Sqlite.Rows;

/// <summary>
/// A checksum is two nullable columns: the algorithm's enum name and the base64 digest, both null or both set
/// (a CHECK constraint holds them together).
/// </summary>
internal static class ChecksumColumns
{
    public static string? Algorithm(ChecksumAlgorithm? algorithm) => algorithm?.ToString();

    public static ChecksumAlgorithm? Algorithm(string? name) => name is null ? null : Enum.Parse<ChecksumAlgorithm>(name);

    public static ChecksumValue? Value(string? algorithm, string? base64) =>
        algorithm is null || base64 is null ? null : new ChecksumValue(Enum.Parse<ChecksumAlgorithm>(algorithm), base64);
}

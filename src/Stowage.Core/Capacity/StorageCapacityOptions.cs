namespace Stowage.Core.Capacity;

/// <summary>Bound from "Stowage:Capacity" (docs/operations.md, "A full disk").</summary>
public sealed class StorageCapacityOptions
{
    public const string Section = "Stowage:Capacity";

    /// <summary>Below this a reserve could not hold even one WAL checkpoint's worth of deletions.</summary>
    public const long MinReserveBytes = 1 << 20;

    /// <summary>
    /// The reserve held back in the data directory, 64 MiB by default: SQLite's write-ahead log grows by about
    /// 4 MiB between checkpoints (1000 pages of 4 KiB, https://sqlite.org/pragma.html#pragma_wal_autocheckpoint) and a
    /// deletion writes a few pages, so this records thousands of deletions on a full disk, and it is nothing beside
    /// captures of 1-100 GB. 0 turns the reserve off (writes are still refused with 507 while the disk is full).
    /// </summary>
    public long ReserveBytes { get; set; } = 64L << 20;

    public IEnumerable<string> Validate()
    {
        if (ReserveBytes != 0 && ReserveBytes < MinReserveBytes)
        {
            yield return $"ReserveBytes must be 0 (no reserve) or at least {MinReserveBytes} (1 MiB).";
        }
    }
}

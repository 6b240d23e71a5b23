namespace Stowage.Core.Capacity;

/// <summary>
/// Space held back on the metadata store's file system (docs/operations.md, "A full disk"): released when a
/// deletion finds the disk full, so that the deletion can be recorded (SQLite in WAL mode appends to its log
/// even to delete a row), and put back once there is room again.
/// </summary>
public interface IStorageReserve
{
    /// <summary>Frees the reserve; returns the bytes freed, 0 when it was not in place.</summary>
    long Release();

    /// <summary>
    /// Puts the reserve in place if it is not and the free space allows it; true when it is in place and there is
    /// room beside it for writes to go on (false also when the reserve is disabled and the disk is nearly full).
    /// </summary>
    bool TryRestore();
}

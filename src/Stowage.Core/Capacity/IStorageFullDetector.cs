namespace Stowage.Core.Capacity;

/// <summary>
/// A backend's way of saying that an exception it threw means "no space left": each store reports a full disk
/// in its own terms (SQLite: SQLITE_FULL), and the core turns every one of them into the same answer
/// (<see cref="StorageCapacity"/>). Operating-system errors (ENOSPC, EDQUOT) need no detector: the core knows them.
/// </summary>
public interface IStorageFullDetector
{
    bool IsStorageFull(Exception exception);
}

using Microsoft.Extensions.Logging;

namespace Stowage.Core.Capacity;

/// <summary>
/// What the server does about a full disk (docs/operations.md, "A full disk"). Every store reports "no space" in
/// its own terms; <see cref="IsStorageFull"/> recognises them all (the operating system's ENOSPC/EDQUOT, and
/// whatever each backend's <see cref="IStorageFullDetector"/> names), and each front door renders it as its
/// protocol's "insufficient storage" answer. From the first such failure on, writes that would take space are
/// refused up front (<see cref="AcceptsWrites"/>) until the reserve is back in place with room beside it, so
/// what deletions free is not taken again at once; the periodic sweeps say when they freed space
/// (<see cref="SpaceFreed"/>), so that is looked at without waiting for a write. Deletions run through
/// <see cref="FreeingAsync{T}"/>: if even a deletion finds the disk full, the reserve is released and it runs once more.
/// </summary>
public sealed class StorageCapacity(IEnumerable<IStorageFullDetector> detectors, IStorageReserve reserve, TimeProvider time, ILogger<StorageCapacity> logger)
{
    /// <summary>While writes are refused, how often a refused write looks again (a statfs) whether they may resume.</summary>
    internal static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    private readonly IStorageFullDetector[] _detectors = [.. detectors];
    private readonly Lock _gate = new();
    private volatile bool _full;
    private DateTimeOffset _checkedAt;

    /// <summary>True while writes are refused.</summary>
    public bool IsFull => _full;

    /// <summary>True when <paramref name="exception"/> (or one it wraps) means a store ran out of space.</summary>
    public bool IsStorageFull(Exception exception) =>
        StorageFullErrors.IsOutOfSpace(exception) || StorageFullErrors.Any(exception, e => _detectors.Any(d => d.IsStorageFull(e)));

    /// <summary>
    /// At start-up, before the metadata store opens: on a disk already full the reserve goes, because opening
    /// SQLite (its WAL index) and the start-up writes need a little room. Otherwise it is kept, or made.
    /// </summary>
    public void Open()
    {
        if (!reserve.TryRestore())
        {
            Release();
        }
    }

    /// <summary>After start-up: the reserve is in place, or writes are refused until deletions make room for it.</summary>
    public void Start()
    {
        if (!reserve.TryRestore())
        {
            ReportFull();
        }
    }

    /// <summary>A store ran out of space (or the reserve cannot be made): refuse writes until there is room again.</summary>
    public void ReportFull()
    {
        lock (_gate)
        {
            _checkedAt = time.GetUtcNow();
            if (!_full)
            {
                _full = true;
                Log.StorageFull(logger);
            }
        }
    }

    /// <summary>
    /// Whether a write that takes space may start. While the disk is full this looks again at most every
    /// <see cref="RecheckInterval"/>: once the reserve can be put back with room beside it, writes resume.
    /// </summary>
    public bool AcceptsWrites()
    {
        if (!_full)
        {
            return true;
        }

        // One request at a time restores the reserve; the others are refused meanwhile rather than wait.
        if (!_gate.TryEnter())
        {
            return false;
        }

        try
        {
            var now = time.GetUtcNow();
            return !_full || (now - _checkedAt >= RecheckInterval && TryResume(now));
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>
    /// Something freed space (a sweep deleted expired sessions, abandoned uploads or reclaimed blobs): while writes
    /// are refused, look now whether they may resume, rather than at the next write a second after the last look,
    /// so the reserve is back and writes are accepted as soon as the space is there. Does nothing while writes are
    /// accepted.
    /// </summary>
    public void SpaceFreed()
    {
        if (!_full)
        {
            return;
        }

        lock (_gate)
        {
            if (_full)
            {
                TryResume(time.GetUtcNow());
            }
        }
    }

    /// <summary>Under the gate, while full: puts the reserve back if there is room beside it, and then accepts writes again.</summary>
    private bool TryResume(DateTimeOffset now)
    {
        _checkedAt = now;
        if (!reserve.TryRestore())
        {
            return false;
        }

        _full = false;
        Log.StorageRecovered(logger);
        return true;
    }

    /// <summary>
    /// Runs an operation that frees space (a deletion). On a full disk even a deletion needs a little room (SQLite
    /// in WAL mode appends to its log to delete a row); if it fails for lack of space, the reserve is released and
    /// the operation runs once more. It runs again also when there was nothing left to release: a deletion running
    /// at the same time may just have released it. A second failure stands.
    /// </summary>
    public async Task<T> FreeingAsync<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsStorageFull(ex))
        {
            ReportFull();
            Release();
        }

        return await operation().ConfigureAwait(false);
    }

    /// <inheritdoc cref="FreeingAsync{T}(Func{Task{T}})"/>
    public Task FreeingAsync(Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return FreeingAsync(async () =>
        {
            await operation().ConfigureAwait(false);
            return true;
        });
    }

    private void Release()
    {
        var freed = reserve.Release();
        if (freed > 0)
        {
            Log.ReserveReleased(logger, freed);
        }
    }
}

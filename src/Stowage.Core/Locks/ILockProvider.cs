namespace Stowage.Core.Locks;

/// <summary>
/// Mutual exclusion on a named resource (one writer per upload file). The embedded default is
/// in-process; a scale-out deployment uses a provider backed by the shared metadata store.
/// </summary>
public interface ILockProvider
{
    /// <summary>Acquires the lock, waiting up to <paramref name="wait"/>; null when it stayed held.</summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan wait, CancellationToken cancellationToken);
}

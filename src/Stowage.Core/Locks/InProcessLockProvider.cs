namespace Stowage.Core.Locks;

/// <summary>
/// Locks inside one process: enough for the embedded default, where the data directory is locked to
/// one server process. Entries are reference-counted so idle resources do not accumulate.
/// </summary>
public sealed class InProcessLockProvider : ILockProvider
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan wait, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(resource, out entry!))
            {
                entry = new Entry();
                _entries[resource] = entry;
            }

            entry.References++;
        }

        var acquired = false;
        try
        {
            acquired = await entry.Semaphore.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!acquired)
            {
                Release(resource, entry, held: false);
            }
        }

        return acquired ? new Lease(this, resource, entry) : null;
    }

    private void Release(string resource, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_entries)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(resource);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int References { get; set; }
    }

    private sealed class Lease(InProcessLockProvider owner, string resource, Entry entry) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(resource, entry, held: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}

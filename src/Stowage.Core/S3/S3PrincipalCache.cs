using System.Collections.Concurrent;

namespace Stowage.Core.S3;

/// <summary>
/// Recently resolved long-lived keys, so a 1,000-part upload does not read the database for every
/// request. Entries live <paramref name="lifetime"/> on the monotonic clock; a revocation made by another
/// process (the CLI) therefore takes effect within that time. At <paramref name="capacity"/> entries the
/// expired ones are dropped, and if that frees nothing, all of them: a cache miss costs one indexed lookup.
/// </summary>
internal sealed class S3PrincipalCache(TimeProvider time, TimeSpan lifetime, int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string accessKeyId, out S3Principal principal)
    {
        if (_entries.TryGetValue(accessKeyId, out var entry))
        {
            if (time.GetElapsedTime(entry.Added) < lifetime)
            {
                principal = entry.Principal;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(accessKeyId, entry));
        }

        principal = null!;
        return false;
    }

    public void Add(S3Principal principal)
    {
        if (_entries.Count >= capacity)
        {
            foreach (var (id, entry) in _entries)
            {
                if (time.GetElapsedTime(entry.Added) >= lifetime)
                {
                    _entries.TryRemove(id, out _);
                }
            }

            if (_entries.Count >= capacity)
            {
                _entries.Clear();
            }
        }

        _entries[principal.AccessKeyId] = new Entry(principal, time.GetTimestamp());
    }

    public void Remove(string accessKeyId) => _entries.TryRemove(accessKeyId, out _);

    private sealed record Entry(S3Principal Principal, long Added);
}

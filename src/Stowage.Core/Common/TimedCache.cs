using System.Collections.Concurrent;

namespace Stowage.Core.Common;

/// <summary>
/// Answers looked up recently (a resolved key, an account's permission to upload), so a 1,000-part upload
/// does not read the database for every request. Entries live <paramref name="lifetime"/> on the monotonic
/// clock; a change made by another process (the CLI) therefore takes effect within that time. At
/// <paramref name="capacity"/> entries the expired ones are dropped, and if that frees nothing, all of
/// them: a cache miss costs one indexed lookup.
/// </summary>
internal sealed class TimedCache<TValue>(TimeProvider time, TimeSpan lifetime, int capacity)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (time.GetElapsedTime(entry.Added) < lifetime)
            {
                value = entry.Value;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }

        value = default!;
        return false;
    }

    public void Add(string key, TValue value)
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

        _entries[key] = new Entry(value, time.GetTimestamp());
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);

    private sealed record Entry(TValue Value, long Added);
}

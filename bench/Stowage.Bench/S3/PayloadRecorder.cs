using System.Collections.Concurrent;

namespace Stowage.Bench.S3;

/// <summary>
/// The x-amz-content-sha256 values the SDK sent on body-carrying PUTs, so a measurement can prove it ran
/// in the mode it is labelled with (an SDK update that changed its defaults would otherwise go unnoticed).
/// </summary>
internal sealed class PayloadRecorder
{
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.Ordinal);

    public void Add(string contentSha256) => seen.AddOrUpdate(contentSha256, 1, (_, n) => n + 1);

    /// <summary>The distinct values since the last call, then forgets them.</summary>
    public IReadOnlyList<string> Take()
    {
        var values = seen.Keys.ToList();
        seen.Clear();
        return values;
    }
}

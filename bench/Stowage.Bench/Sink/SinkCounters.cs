namespace Stowage.Bench.Sink;

/// <summary>
/// Bytes the sink drained since the last reset: how a sink measurement is verified
/// (the clients already check every answer's offsets and status).
/// </summary>
internal sealed class SinkCounters
{
    private long bytes;

    public long Bytes => Interlocked.Read(ref bytes);

    public void AddBytes(long count) => Interlocked.Add(ref bytes, count);

    public void Reset() => Interlocked.Exchange(ref bytes, 0);
}

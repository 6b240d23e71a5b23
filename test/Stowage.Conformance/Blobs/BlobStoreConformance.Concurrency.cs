namespace Stowage.Conformance.Blobs;

// Uploads run in parallel, one writer per object (the core's file lock).
public abstract partial class BlobStoreConformance
{
    private const int ParallelObjects = 16;
    private const int ChunksPerObject = 6;
    private const int ChunkBytes = 96 * 1024;

    [Fact]
    public async Task ParallelWriters_OnDifferentObjects_EachKeepTheirOwnBytes()
    {
        // Each chunk is a segment opened where the last one ended, written and committed, then the segments are
        // composed: a resumable upload.
        const long Total = (long)ChunksPerObject * ChunkBytes;
        await Task.WhenAll(Enumerable.Range(0, ParallelObjects).Select(i => Task.Run(async () =>
        {
            for (var chunk = 0; chunk < ChunksPerObject; chunk++)
            {
                await SegmentAsync(Obj($"parallel/{i}"), (long)chunk * ChunkBytes, Bytes(ChunkBytes, (i * 100) + chunk), Total, durable: chunk % 2 == 0);
            }

            await Store.ComposeSegmentsAsync(Obj($"parallel/{i}"), Total, durable: i % 2 == 0, Ct);
        })));

        for (var i = 0; i < ParallelObjects; i++)
        {
            var expected = Concat(Enumerable.Range(0, ChunksPerObject).Select(chunk => Bytes(ChunkBytes, (i * 100) + chunk)).ToArray());
            BytesShouldBe(await ReadAsync(Obj($"parallel/{i}")), expected);
        }
    }

    [Fact]
    public async Task ParallelPuts_OfTheSameObject_LeaveOneWholeVersion()
    {
        var versions = Enumerable.Range(0, 8).Select(i => Bytes(200_000 + i, i)).ToArray();

        await Task.WhenAll(versions.Select(v => Task.Run(() => PutAsync(Obj("contended"), v))));

        var stored = await ReadAsync(Obj("contended"));
        stored.ShouldNotBeNull();
        versions.Count(v => v.SequenceEqual(stored)).ShouldBe(1);
    }
}

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
        // Each chunk is a writer opened at the current length, written and flushed: a resumable upload.
        await Task.WhenAll(Enumerable.Range(0, ParallelObjects).Select(i => Task.Run(async () =>
        {
            for (var chunk = 0; chunk < ChunksPerObject; chunk++)
            {
                await WriteAsync(Obj($"parallel/{i}"), (long)chunk * ChunkBytes, Bytes(ChunkBytes, (i * 100) + chunk), durable: chunk % 2 == 0);
            }
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

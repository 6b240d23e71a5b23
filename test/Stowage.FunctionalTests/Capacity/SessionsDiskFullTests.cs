using System.Net;
using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.Capacity;

/// <summary>
/// docs/operations.md, "A full disk", and docs/protocols/sessions.md: on a disk that is really full (a tmpfs), the
/// Sessions API answers 507 insufficient_storage to writes (they answered 500 before), loses and miscounts nothing,
/// and DELETE /uploads/{id} still works and frees the space, after which uploads work again.
/// </summary>
public sealed class SessionsDiskFullTests
{
    private const int MiB = 1 << 20;

    [Fact]
    public async Task Writes_Answer507_KeepEveryByte_AndDeleteFreesTheSpaceForNewUploads()
    {
        await using var full = await FullDiskServer.StartAsync("diskfull-sessions");
        var client = await full.NewClientAsync();
        var kept = await client.NewUploadAsync();
        var keptBytes = TestData.Bytes(300_000, 601);
        await client.UploadAsync(kept, "kept.jpg", keptBytes);
        var big = await client.NewUploadAsync();
        await client.UploadAsync(big, "big.e57", TestData.Bytes(8 * MiB, 602));
        var partial = TestData.Bytes(3 * MiB, 603);
        (await client.PutChunkAsync(big, "partial.e57", partial, 0, MiB)).ShouldBeProgress(MiB, 3 * MiB, complete: false);

        full.Disk.Fill();

        // The chunk's bytes find no room: 507, and received stays what it was, over the same bytes.
        (await client.PutChunkAsync(big, "partial.e57", partial, MiB, MiB)).ShouldBeError(HttpStatusCode.InsufficientStorage, "insufficient_storage");
        (await client.GetFileAsync(big, "partial.e57")).ShouldBeProgress(MiB, 3 * MiB, complete: false);
        new FileInfo(full.ReservePath).Length.ShouldBe(FullDiskServer.ReserveBytes, "a write that finds the disk full keeps the reserve for deletions");
        BlobFiles.ReadPrefix(BlobFiles.SessionSegments(full.DataDirectory, big, "partial.e57"), MiB).ShouldBeBytes(partial.AsSpan(0, MiB), "the bytes received before the disk filled");

        // From then on writes are refused up front, reads go on.
        (await client.CreateUploadAsync()).ShouldBeError(HttpStatusCode.InsufficientStorage, "insufficient_storage");
        (await client.PutAsync(kept, "more.jpg", [1, 2, 3])).ShouldBeError(HttpStatusCode.InsufficientStorage, "insufficient_storage");
        (await client.CreateProjectAsync(new { upload_id = kept })).ShouldBeError(HttpStatusCode.InsufficientStorage, "insufficient_storage");
        (await client.GetSessionAsync(kept)).ShouldHaveStatus(HttpStatusCode.OK);

        // Deleting is how space is freed, so it works on the full disk.
        var freeBefore = full.Disk.FreeBytes;
        (await client.DeleteSessionAsync(big)).ShouldHaveStatus(HttpStatusCode.OK).Bool("deleted").ShouldBeTrue();
        (full.Disk.FreeBytes - freeBefore).ShouldBeGreaterThan(9L * MiB, "the session's 9 MiB are freed");
        (await client.GetSessionAsync(big)).ShouldBeError(HttpStatusCode.NotFound, "upload_session_not_found");

        // Once the reserve is back in place with room beside it, uploads work again.
        var created = await Poll.UntilAsync(async () =>
        {
            var answer = await client.CreateUploadAsync();
            return answer.Status == HttpStatusCode.Created ? answer : null;
        }, TimeSpan.FromSeconds(15), "POST /uploads to be accepted again", intervalMilliseconds: 250);
        new FileInfo(full.ReservePath).Length.ShouldBe(FullDiskServer.ReserveBytes, "the reserve is back");
        await client.UploadAsync(created.String("upload_id"), "after.jpg", TestData.Bytes(500_000, 604));

        // Nothing stored before the disk filled was lost or changed.
        (await client.GetFileAsync(kept, "kept.jpg")).ShouldBeProgress(keptBytes.Length, keptBytes.Length, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(full.DataDirectory, kept, "kept.jpg")).ShouldBeBytes(keptBytes);
        var project = await client.NewProjectAsync(kept);
        var done = await client.WaitForProjectAsync(project);
        done.Int("status").ShouldBe(100, done.ToString());
        done.Property("files")[0].GetProperty("sha256").GetString().ShouldBe(TestData.Sha256Hex(keptBytes));
    }

    [Fact]
    public async Task TheServer_StartsOnAFullDisk_ServesReads_AndDeletingThereFreesSpace()
    {
        await using var full = await FullDiskServer.StartAsync("diskfull-restart");
        var client = await full.NewClientAsync();
        var id = await client.NewUploadAsync();
        var bytes = TestData.Bytes(6 * MiB, 611);
        await client.UploadAsync(id, "scan.e57", bytes);
        await full.Server.StopAsync();

        full.Disk.Fill();
        await full.Server.StartAsync(); // SQLite needs room to open its WAL index: the reserve goes first

        File.Exists(full.ReservePath).ShouldBeFalse("the reserve is released when the disk is full at start-up");
        (await client.GetFileAsync(id, "scan.e57")).ShouldBeProgress(bytes.Length, bytes.Length, complete: true);
        File.ReadAllBytes(BlobFiles.SessionFile(full.DataDirectory, id, "scan.e57")).ShouldBeBytes(bytes);
        (await client.CreateUploadAsync()).ShouldBeError(HttpStatusCode.InsufficientStorage, "insufficient_storage");

        (await client.DeleteSessionAsync(id)).ShouldHaveStatus(HttpStatusCode.OK);

        await Poll.UntilAsync(async () => (await client.CreateUploadAsync()).Status == HttpStatusCode.Created,
            TimeSpan.FromSeconds(15), "POST /uploads to be accepted again", intervalMilliseconds: 250);
        File.Exists(full.ReservePath).ShouldBeTrue("the reserve is made again once there is room");
    }
}

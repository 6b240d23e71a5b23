using Stowage.Core.Projects;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Uploads;

public sealed class ExpiredSessionSweeperTests
{
    private const int Ttl = 3600;

    [Fact]
    public async Task SweepOnce_DeletesExpiredSessionsAndTheirBytes()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var uploadId = await h.NewSessionAsync(caller);
        (await h.PutChunkAsync(caller, uploadId, "a.jpg", new byte[10], 0, 20)).ShouldSucceed();
        (await h.PutAsync(caller, uploadId, "b.jpg", new byte[5])).ShouldSucceed();
        h.Time.AdvanceSeconds(Ttl);

        var swept = await h.Sweeper.SweepOnceAsync(CoreHarness.Ct);

        swept.ShouldBe(1);
        (await h.Store.GetSessionAsync(uploadId, CoreHarness.Ct)).ShouldBeNull();
        (await h.Store.ListFilesAsync(uploadId, CoreHarness.Ct)).ShouldBeEmpty();
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "a.jpg"))).ShouldBeNull();
        (await h.ReadObjectAsync(h.SessionObject(uploadId, "b.jpg"))).ShouldBeNull();
    }

    [Fact]
    public async Task SweepOnce_LeavesSessionsThatHaveNotExpired()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var old = await h.NewSessionAsync(caller);
        h.Time.AdvanceSeconds(1800);
        var fresh = await h.NewSessionAsync(caller);
        var content = TestBytes.Random(10);
        (await h.PutAsync(caller, fresh, "a.jpg", content)).ShouldSucceed();
        h.Time.AdvanceSeconds(1800);

        var swept = await h.Sweeper.SweepOnceAsync(CoreHarness.Ct);

        swept.ShouldBe(1);
        (await h.Store.GetSessionAsync(old, CoreHarness.Ct)).ShouldBeNull();
        (await h.Uploads.GetSessionAsync(caller, fresh, CoreHarness.Ct)).ShouldSucceed().Files.Count.ShouldBe(1);
        (await h.ReadObjectAsync(h.SessionObject(fresh, "a.jpg"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task SweepOnce_ReturnsZero_WhenNothingExpired()
    {
        await using var h = await CoreHarness.CreateAsync();
        var caller = await h.CallerAsync();
        await h.NewSessionAsync(caller);

        (await h.Sweeper.SweepOnceAsync(CoreHarness.Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task SweepOnce_DeletesMoreThanOneBatch()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        for (var i = 0; i < 130; i++)
        {
            await h.NewSessionAsync(caller);
        }

        h.Time.AdvanceSeconds(Ttl);

        (await h.Sweeper.SweepOnceAsync(CoreHarness.Ct)).ShouldBe(130);
        (await h.Store.ListExpiredSessionsAsync(h.Time.GetUtcNow(), 1000, CoreHarness.Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task SweepOnce_KeepsTheFilesOfASessionThatBecameAProject()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(1000);
        var project = await h.CreateProjectAsync(caller, ("scan.e57", content));
        h.Time.AdvanceSeconds(Ttl);

        await h.Sweeper.SweepOnceAsync(CoreHarness.Ct);

        (await h.ReadObjectAsync(h.SessionObject(project, "scan.e57"))).ShouldBeBytes(content);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        var ready = await h.Store.GetProjectAsync(project, CoreHarness.Ct);
        ready!.Status.ShouldBe(ProjectStatus.Ready);
        (await h.ReadObjectAsync(h.SessionObject(project, "scan.e57"))).ShouldBeBytes(content);
    }

    [Fact]
    public async Task SweepOnce_KeepsTheFilesOfAProcessedProject()
    {
        await using var h = await CoreHarness.CreateAsync(s => s.Uploads.SessionTtlSeconds = Ttl);
        var caller = await h.CallerAsync();
        var content = TestBytes.Random(1000);
        var project = await h.CreateProjectAsync(caller, ("scan.e57", content));
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        h.Time.AdvanceSeconds(Ttl);

        await h.Sweeper.SweepOnceAsync(CoreHarness.Ct);

        (await h.ReadObjectAsync(h.SessionObject(project, "scan.e57"))).ShouldBeBytes(content);
        (await h.Store.ListProjectFilesAsync(project, CoreHarness.Ct)).Single().Sha256.ShouldBe(TestBytes.Sha256(content));
    }
}

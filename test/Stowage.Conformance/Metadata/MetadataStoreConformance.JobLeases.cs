using Stowage.Core.Jobs;

namespace Stowage.Conformance.Metadata;

// IJobQueue: what only the lease owner may do, and releasing leases at start-up.
public abstract partial class MetadataStoreConformance
{
    private async Task<JobRecord> AddClaimedJobAsync(string owner, DateTimeOffset leaseUntil)
    {
        var job = await AddJobAsync(At(0));
        (await Store.ClaimAsync(owner, At(1), leaseUntil, Ct))!.Id.ShouldBe(job.Id);
        return (await Store.GetJobAsync(job.Id, Ct))!;
    }

    [Fact]
    public async Task Renew_ExtendsTheLease_OnlyForTheOwner()
    {
        var job = await AddClaimedJobAsync("owner", At(60));

        (await Store.RenewAsync(job.Id, "intruder", At(500), Ct)).ShouldBeFalse();
        (await Store.RenewAsync(job.Id, "owner", At(120), Ct)).ShouldBeTrue();

        (await Store.GetJobAsync(job.Id, Ct))!.LeaseUntil.ShouldBe(At(120));
        (await Store.ClaimAsync("other", At(100), At(200), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Complete_MarksTheJobSucceeded_OnlyForTheOwner()
    {
        var job = await AddClaimedJobAsync("owner", At(60));

        (await Store.CompleteAsync(job.Id, "intruder", At(5), Ct)).ShouldBeFalse();
        (await Store.GetJobAsync(job.Id, Ct))!.State.ShouldBe(JobState.Running);
        (await Store.CompleteAsync(job.Id, "owner", At(6), Ct)).ShouldBeTrue();

        var done = await Store.GetJobAsync(job.Id, Ct);
        done!.State.ShouldBe(JobState.Succeeded);
        done.Updated.ShouldBe(At(6));
        done.Attempts.ShouldBe(1);
        (await Store.CompleteAsync(job.Id, "owner", At(7), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task Retry_RequeuesTheJobForLater_WithTheError_OnlyForTheOwner()
    {
        var job = await AddClaimedJobAsync("owner", At(60));

        (await Store.RetryAsync(job.Id, "intruder", At(10), "nope", At(5), Ct)).ShouldBeFalse();
        (await Store.RetryAsync(job.Id, "owner", At(300), "fetch timed out", At(6), Ct)).ShouldBeTrue();

        var queued = await Store.GetJobAsync(job.Id, Ct);
        queued!.State.ShouldBe(JobState.Queued);
        queued.RunAfter.ShouldBe(At(300));
        queued.LastError.ShouldBe("fetch timed out");
        queued.Updated.ShouldBe(At(6));
        (await Store.ClaimAsync("owner", At(299), At(360), Ct)).ShouldBeNull();
        var again = await Store.ClaimAsync("owner", At(300), At(360), Ct);
        again!.Attempts.ShouldBe(2);
        again.LastError.ShouldBe("fetch timed out");
    }

    [Fact]
    public async Task Fail_MarksTheJobFailed_WithTheError_OnlyForTheOwner()
    {
        var job = await AddClaimedJobAsync("owner", At(60));

        (await Store.FailAsync(job.Id, "intruder", "nope", At(5), Ct)).ShouldBeFalse();
        (await Store.FailAsync(job.Id, "owner", "archive is corrupt", At(6), Ct)).ShouldBeTrue();

        var failed = await Store.GetJobAsync(job.Id, Ct);
        failed!.State.ShouldBe(JobState.Failed);
        failed.LastError.ShouldBe("archive is corrupt");
        failed.Updated.ShouldBe(At(6));
        (await Store.ClaimAsync("w", At(10_000), At(10_060), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task OwnerOperations_ReturnFalse_OnceALapsedLeaseWasTakenOver()
    {
        var job = await AddClaimedJobAsync("slow", At(60));
        await Store.ClaimAsync("fast", At(61), At(121), Ct);

        (await Store.RenewAsync(job.Id, "slow", At(200), Ct)).ShouldBeFalse();
        (await Store.CompleteAsync(job.Id, "slow", At(62), Ct)).ShouldBeFalse();
        (await Store.RetryAsync(job.Id, "slow", At(62), "x", At(62), Ct)).ShouldBeFalse();
        (await Store.FailAsync(job.Id, "slow", "x", At(62), Ct)).ShouldBeFalse();

        var current = await Store.GetJobAsync(job.Id, Ct);
        current!.LeaseOwner.ShouldBe("fast");
        current.State.ShouldBe(JobState.Running);
        (await Store.CompleteAsync(job.Id, "fast", At(63), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task OwnerOperations_StillWork_WhenTheLeaseLapsedButNobodyReclaimedIt()
    {
        var job = await AddClaimedJobAsync("owner", At(60));

        (await Store.CompleteAsync(job.Id, "owner", At(500), Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task OwnerOperations_ReturnFalse_ForAnUnknownOrUnclaimedJob()
    {
        var queued = await AddJobAsync(At(0));

        (await Store.RenewAsync("missing", "w", At(60), Ct)).ShouldBeFalse();
        (await Store.CompleteAsync("missing", "w", At(1), Ct)).ShouldBeFalse();
        (await Store.RetryAsync(queued.Id, "w", At(1), "x", At(1), Ct)).ShouldBeFalse();
        (await Store.FailAsync(queued.Id, "w", "x", At(1), Ct)).ShouldBeFalse();
        (await Store.GetJobAsync(queued.Id, Ct)).ShouldBe(queued);
    }
}

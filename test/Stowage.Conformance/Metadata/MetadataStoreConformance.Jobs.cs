using Stowage.Core.Jobs;

namespace Stowage.Conformance.Metadata;

// IJobQueue: enqueueing and claiming.
public abstract partial class MetadataStoreConformance
{
    [Fact]
    public async Task GetJob_ReturnsTheEnqueuedJob_OrNullWhenUnknown()
    {
        var job = await AddJobAsync(At(1), At(5));

        (await Store.GetJobAsync(job.Id, Ct)).ShouldBe(job);
        (await Store.GetJobAsync("missing", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_ReturnsNull_WhenTheQueueIsEmpty()
    {
        (await Store.ClaimAsync("w", At(0), At(60), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_SetsRunningOwnerLeaseAndUpdated_AndCountsTheAttempt()
    {
        var job = await AddJobAsync(At(0));

        var claimed = await Store.ClaimAsync("worker-1", At(10), At(70), Ct);

        var expected = job with { State = JobState.Running, LeaseOwner = "worker-1", LeaseUntil = At(70), Attempts = 1, Updated = At(10) };
        claimed.ShouldBe(expected);
        (await Store.GetJobAsync(job.Id, Ct)).ShouldBe(expected);
    }

    [Fact]
    public async Task Claim_TakesTheOldestDueJobFirst()
    {
        var newer = await AddJobAsync(At(20));
        var older = await AddJobAsync(At(10));

        (await Store.ClaimAsync("w", At(30), At(90), Ct))!.Id.ShouldBe(older.Id);
        (await Store.ClaimAsync("w", At(30), At(90), Ct))!.Id.ShouldBe(newer.Id);
        (await Store.ClaimAsync("w", At(30), At(90), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_SkipsJobsWhoseRunAfterIsInTheFuture_UntilItArrives()
    {
        var job = await AddJobAsync(At(0), runAfter: At(100));

        (await Store.ClaimAsync("w", At(99), At(160), Ct)).ShouldBeNull();
        (await Store.ClaimAsync("w", At(100), At(160), Ct))!.Id.ShouldBe(job.Id);
    }

    [Fact]
    public async Task Claim_SkipsRunningJobsWithALiveLease_AndFinishedJobs()
    {
        var running = await AddJobAsync(At(0));
        await Store.ClaimAsync("a", At(1), At(100), Ct);
        var done = await AddJobAsync(At(2));
        await Store.ClaimAsync("b", At(3), At(100), Ct);
        await Store.CompleteAsync(done.Id, "b", At(4), Ct);
        var failed = await AddJobAsync(At(5));
        await Store.ClaimAsync("c", At(6), At(100), Ct);
        await Store.FailAsync(failed.Id, "c", "broken", At(7), Ct);

        (await Store.ClaimAsync("d", At(50), At(150), Ct)).ShouldBeNull();
        (await Store.ClaimAsync("d", At(1000), At(1060), Ct))!.Id.ShouldBe(running.Id);
    }

    [Fact]
    public async Task Claim_ReclaimsAJobWhoseLeaseLapsed_CountingAnotherAttempt()
    {
        var job = await AddJobAsync(At(0));
        await Store.ClaimAsync("dead-worker", At(1), At(60), Ct);

        (await Store.ClaimAsync("w2", At(60), At(120), Ct)).ShouldBeNull();
        var reclaimed = await Store.ClaimAsync("w2", At(61), At(121), Ct);

        reclaimed.ShouldNotBeNull();
        reclaimed.Id.ShouldBe(job.Id);
        reclaimed.Attempts.ShouldBe(2);
        reclaimed.LeaseOwner.ShouldBe("w2");
        reclaimed.LeaseUntil.ShouldBe(At(121));
    }

    [Fact]
    public async Task Claim_UnderParallelClaimers_ClaimsEachJobExactlyOnce()
    {
        var jobs = new List<JobRecord>();
        for (var i = 0; i < 30; i++)
        {
            jobs.Add(await AddJobAsync(At(i)));
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var mine = new List<JobRecord>();
            while (await Store.ClaimAsync($"w{w}", At(100), At(200), Ct) is { } job)
            {
                mine.Add(job);
            }

            return mine;
        })));

        var claimed = claims.SelectMany(c => c).ToList();
        claimed.Select(j => j.Id).OrderBy(id => id, StringComparer.Ordinal)
            .ShouldBe(jobs.Select(j => j.Id).OrderBy(id => id, StringComparer.Ordinal));
        claimed.ShouldAllBe(j => j.Attempts == 1);
    }
}

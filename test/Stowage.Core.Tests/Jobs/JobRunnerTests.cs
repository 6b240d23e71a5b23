using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Stowage.Core.Capacity;
using Stowage.Core.Jobs;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Jobs;

public sealed class JobRunnerTests
{
    [Fact]
    public async Task RunNext_ReturnsFalse_WhenNoJobIsDue()
    {
        await using var h = await CoreHarness.CreateAsync();

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task RunNext_RunsADueJob_AndMarksItSucceeded()
    {
        var handler = new ScriptedJobHandler("test.ok", _ => JobOutcome.Done);
        await using var h = await CoreHarness.CreateAsync(s => s.ExtraHandlers.Add(handler));
        var job = handler.NewJob(h.Time.GetUtcNow());
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        handler.Runs.Single().Id.ShouldBe(job.Id);
        handler.Runs.Single().Attempts.ShouldBe(1);
        (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!.State.ShouldBe(JobState.Succeeded);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task RunNext_RetriesAThrowingHandler_WithExponentialBackoff_ThenGivesUp()
    {
        var handler = new ScriptedJobHandler("test.flaky", attempt => throw new InvalidOperationException($"boom {attempt}"));
        await using var h = await CoreHarness.CreateAsync(s =>
        {
            s.Jobs.MaxAttempts = 3;
            s.Jobs.BackoffSeconds = 2;
            s.ExtraHandlers.Add(handler);
        });
        var job = handler.NewJob(h.Time.GetUtcNow());
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        var first = (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!;
        first.State.ShouldBe(JobState.Queued);
        first.Attempts.ShouldBe(1);
        first.RunAfter.ShouldBe(h.Time.GetUtcNow().AddSeconds(2));
        first.LastError!.ShouldContain("boom 1");

        h.Time.AdvanceSeconds(1.999);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
        h.Time.AdvanceSeconds(0.001);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        var second = (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!;
        second.State.ShouldBe(JobState.Queued);
        second.Attempts.ShouldBe(2);
        second.RunAfter.ShouldBe(h.Time.GetUtcNow().AddSeconds(4));
        handler.GaveUp.ShouldBeEmpty();

        h.Time.AdvanceSeconds(4);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        handler.Runs.Count.ShouldBe(3);
        var (gaveUpJob, error) = handler.GaveUp.ShouldHaveSingleItem();
        gaveUpJob.Id.ShouldBe(job.Id);
        error.ShouldContain("boom 3");
        var failed = (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!;
        failed.State.ShouldBe(JobState.Failed);
        failed.LastError!.ShouldContain("boom 3");
        h.Time.AdvanceSeconds(3600);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task RunNext_RetriesARetryOutcome_UntilItIsDone()
    {
        var handler = new ScriptedJobHandler("test.busy", attempt => attempt < 2 ? JobOutcome.Retry("busy") : JobOutcome.Done);
        await using var h = await CoreHarness.CreateAsync(s => s.ExtraHandlers.Add(handler));
        var job = handler.NewJob(h.Time.GetUtcNow());
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!.LastError.ShouldBe("busy");
        h.Time.AdvanceSeconds(2);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!.State.ShouldBe(JobState.Succeeded);
        handler.GaveUp.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunNext_GivesUpAtOnce_OnAGiveUpOutcome()
    {
        var handler = new ScriptedJobHandler("test.hopeless", _ => JobOutcome.GiveUp("cannot ever work"));
        await using var h = await CoreHarness.CreateAsync(s => s.ExtraHandlers.Add(handler));
        var job = handler.NewJob(h.Time.GetUtcNow());
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        handler.Runs.Count.ShouldBe(1);
        handler.GaveUp.ShouldHaveSingleItem().Error.ShouldBe("cannot ever work");
        (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!.State.ShouldBe(JobState.Failed);
    }

    [Fact]
    public async Task RunNext_GivesUpWithoutRunning_AJobWhoseWorkerDiedOnItsLastAttempt()
    {
        var handler = new ScriptedJobHandler("test.orphan", _ => JobOutcome.Done);
        await using var h = await CoreHarness.CreateAsync(s =>
        {
            s.Jobs.MaxAttempts = 3;
            s.ExtraHandlers.Add(handler);
        });
        var job = handler.NewJob(h.Time.GetUtcNow(), attempts: 3, lastError: "worker died");
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        handler.Runs.ShouldBeEmpty();
        handler.GaveUp.ShouldHaveSingleItem().Error.ShouldBe("worker died");
        (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!.State.ShouldBe(JobState.Failed);
    }

    [Fact]
    public async Task RunNext_FailsAJobOfAnUnknownKind()
    {
        await using var h = await CoreHarness.CreateAsync();
        var job = new ScriptedJobHandler("test.nobody", _ => JobOutcome.Done).NewJob(h.Time.GetUtcNow());
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);

        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        var failed = (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!;
        failed.State.ShouldBe(JobState.Failed);
        failed.LastError!.ShouldContain("test.nobody");
    }

    [Fact]
    public async Task Workers_RunNoMoreThanTheAccountsCap_AndTakeAnotherAccountsJobMeanwhile()
    {
        var handler = new GatedJobHandler("test.gated");
        await using var h = await CoreHarness.CreateAsync(s =>
        {
            s.Jobs.MaxRunningPerAccount = 2;
            s.ExtraHandlers.Add(handler);
        });
        var t = h.Time.GetUtcNow();
        foreach (var job in new[] { handler.NewJob("a1", "a", t), handler.NewJob("a2", "a", t.AddSeconds(-3)), handler.NewJob("a3", "a", t.AddSeconds(-2)), handler.NewJob("b1", "b", t.AddSeconds(-1)) })
        {
            await h.Store.EnqueueAsync(job, CoreHarness.Ct);
        }

        // Four workers look for work at once: account a's oldest two run, its third waits, b's runs.
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.Runner.RunNextAsync(CoreHarness.Ct))).ToList();
        bool Settled() => handler.Started.Count == 3 && workers.Count(w => w.IsCompleted) == 1;
        for (var wait = 0; wait < 200 && !Settled(); wait++)
        {
            await Task.Delay(50);
        }

        Settled().ShouldBeTrue("three runs and one idle worker within 10 s");

        handler.Started.Select(j => j.Id).Order(StringComparer.Ordinal).ShouldBe(["a2", "a3", "b1"]);
        (await workers.Single(w => w.IsCompleted)).ShouldBeFalse();
        handler.Open();
        (await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(10))).Count(ran => ran).ShouldBe(3);
        (await h.Runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        handler.Started.Last().Id.ShouldBe("a1");
    }

    [Fact]
    public void Defaults_RunSeveralWorkers_AndCapAnAccountBelowThem()
    {
        var defaults = new JobOptions();

        defaults.Workers.ShouldBeGreaterThan(1);
        defaults.MaxRunningPerAccount.ShouldBeLessThan(defaults.Workers);
        defaults.Validate().ShouldBeEmpty();
        new JobOptions { MaxRunningPerAccount = 0 }.Validate().ShouldHaveSingleItem().ShouldContain("MaxRunningPerAccount");
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(40, 300)]
    public async Task Backoff_DoublesFromBackoffSeconds_CappedAtTheMaximum(int attempt, double seconds)
    {
        await using var h = await CoreHarness.CreateAsync(s =>
        {
            s.Jobs.BackoffSeconds = 2;
            s.Jobs.BackoffMaxSeconds = 300;
        });

        h.Runner.Backoff(attempt).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public async Task RunNext_ClaimsNothing_WhileTheStorageIsFull_SoWaitingCostsNoAttempts()
    {
        var handler = new ScriptedJobHandler("test.full", _ => JobOutcome.Done);
        await using var h = await CoreHarness.CreateAsync(s => s.ExtraHandlers.Add(handler));
        var reserve = new SwitchableReserve();
        var capacity = new StorageCapacity([], reserve, h.Time, NullLogger<StorageCapacity>.Instance);
        var runner = new JobRunner(h.Store, [handler], Options.Create(h.Settings.Jobs), h.Time, NullLogger<JobRunner>.Instance, capacity);
        var job = handler.NewJob(h.Time.GetUtcNow());
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);
        capacity.ReportFull();
        reserve.Room = false;

        for (var i = 0; i < 3; i++)
        {
            (await runner.RunNextAsync(CoreHarness.Ct)).ShouldBeFalse();
            h.Time.Advance(StorageCapacity.RecheckInterval);
        }

        (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!.Attempts.ShouldBe(0);
        reserve.Room = true;
        (await runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();
        (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!.State.ShouldBe(JobState.Succeeded);
    }

    [Fact]
    public async Task RunNext_ReportsTheStorageFull_WhenAJobFailsForLackOfSpace()
    {
        var handler = new ScriptedJobHandler("test.enospc", _ => throw new IOException("No space left on device", 28));
        await using var h = await CoreHarness.CreateAsync(s => s.ExtraHandlers.Add(handler));
        var capacity = new StorageCapacity([], new SwitchableReserve(), h.Time, NullLogger<StorageCapacity>.Instance);
        var runner = new JobRunner(h.Store, [handler], Options.Create(h.Settings.Jobs), h.Time, NullLogger<JobRunner>.Instance, capacity);
        var job = handler.NewJob(h.Time.GetUtcNow());
        await h.Store.EnqueueAsync(job, CoreHarness.Ct);

        (await runner.RunNextAsync(CoreHarness.Ct)).ShouldBeTrue();

        capacity.IsFull.ShouldBeTrue();
        var retried = (await h.Store.GetJobAsync(job.Id, CoreHarness.Ct))!;
        retried.State.ShouldBe(JobState.Queued);
        retried.LastError!.ShouldContain("No space left on device");
    }

    private sealed class SwitchableReserve : IStorageReserve
    {
        public bool Room { get; set; } = true;

        public long Release() => 0;

        public bool TryRestore() => Room;
    }
}

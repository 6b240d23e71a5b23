using Stowage.Core.Jobs;

namespace Stowage.Metadata.Sqlite.Tests;

/// <summary>
/// IJobQueue.ClaimAsync's per-account cap on the SQLite store: an account at its cap is passed over, younger jobs of
/// other accounts are not held back, lapsed leases do not count, and jobs without an account are never capped.
/// </summary>
public sealed class SqliteJobClaimTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Claim_PassesOverAnAccountAtItsCap_ForAnotherAccountsYoungerJob()
    {
        using var store = await StoreWithAsync(Job("a1", "a", 1), Job("a2", "a", 2), Job("a3", "a", 3), Job("b1", "b", 4));

        (await ClaimAsync(store, cap: 2))!.Id.ShouldBe("a1");
        (await ClaimAsync(store, cap: 2))!.Id.ShouldBe("a2");
        (await ClaimAsync(store, cap: 2))!.Id.ShouldBe("b1");
        (await ClaimAsync(store, cap: 2)).ShouldBeNull();

        (await store.CompleteAsync("a1", "w", At(20), Ct)).ShouldBeTrue();
        var third = (await ClaimAsync(store, cap: 2))!;
        third.Id.ShouldBe("a3");
        third.AccountId.ShouldBe("a");
    }

    [Fact]
    public async Task Claim_DoesNotCountALapsedLease_AndReclaimsIt()
    {
        using var store = await StoreWithAsync(Job("a1", "a", 1), Job("a2", "a", 2));
        (await store.ClaimAsync("dead", At(10), At(20), 1, Ct))!.Id.ShouldBe("a1");
        (await store.ClaimAsync("w", At(15), At(25), 1, Ct)).ShouldBeNull();

        // At 30 the dead worker's lease has lapsed: a1 is claimable again, and a2 waits for it.
        (await store.ClaimAsync("w", At(30), At(90), 1, Ct))!.Id.ShouldBe("a1");
        (await store.ClaimAsync("w", At(31), At(90), 1, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Claim_NeverHoldsBackJobsWithoutAnAccount()
    {
        using var store = await StoreWithAsync(Job("x1", null, 1), Job("x2", null, 2), Job("x3", null, 3));

        for (var i = 1; i <= 3; i++)
        {
            (await ClaimAsync(store, cap: 1))!.Id.ShouldBe($"x{i}");
        }
    }

    [Fact]
    public async Task EnqueuedAccount_IsReadBack()
    {
        using var store = await StoreWithAsync(Job("a1", "acct-1", 1));

        (await store.GetJobAsync("a1", Ct))!.AccountId.ShouldBe("acct-1");
    }

    private static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);

    private static JobRecord Job(string id, string? account, int createdSecond) =>
        new(id, "k", "{}", JobState.Queued, 0, At(createdSecond), At(createdSecond), At(createdSecond), null, null, null, account);

    private static Task<JobRecord?> ClaimAsync(SqliteMetadataStore store, int cap) => store.ClaimAsync("w", At(10), At(70), cap, Ct);

    private async Task<SqliteMetadataStore> StoreWithAsync(params JobRecord[] jobs)
    {
        var store = database.NewStore();
        await store.InitializeAsync(Ct);
        foreach (var job in jobs)
        {
            await store.EnqueueAsync(job, Ct);
        }

        return store;
    }
}

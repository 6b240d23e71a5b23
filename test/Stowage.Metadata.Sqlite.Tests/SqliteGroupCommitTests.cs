using Microsoft.Data.Sqlite;

namespace Stowage.Metadata.Sqlite.Tests;

/// <summary>The batcher on its own, with a fake transaction that counts commits and can be held open.</summary>
public sealed class SqliteGroupCommitTests
{
    private readonly TaskCompletionSource firstCommitHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int commits;

    private SqliteGroupCommit NewBatcher(bool holdFirstCommit) => new(async work =>
    {
        if (Interlocked.Increment(ref commits) == 1 && holdFirstCommit)
        {
            await firstCommitHeld.Task;
        }

        return await work(null!, null!);
    });

    private static Func<SqliteConnection, SqliteTransaction, Task<bool>> Returns(bool value) => (_, _) => Task.FromResult(value);

    [Fact]
    public async Task WritesQueuedDuringACommit_GoTogetherInTheNextCommit()
    {
        var batcher = NewBatcher(holdFirstCommit: true);
        var first = batcher.RunAsync(Returns(true));
        var queued = Enumerable.Range(0, 6).Select(i => batcher.RunAsync(Returns(i % 2 == 0))).ToArray();

        firstCommitHeld.SetResult();

        (await first).ShouldBeTrue();
        (await Task.WhenAll(queued)).ShouldBe([true, false, true, false, true, false]);
        commits.ShouldBe(2);
    }

    [Fact]
    public async Task AFailingWriteInABatch_FailsOnlyItself()
    {
        var batcher = NewBatcher(holdFirstCommit: true);
        var first = batcher.RunAsync(Returns(true));
        var good = batcher.RunAsync(Returns(true));
        var bad = batcher.RunAsync<bool>((_, _) => throw new InvalidOperationException("constraint"));
        var alsoGood = batcher.RunAsync(Returns(false));

        firstCommitHeld.SetResult();

        (await first).ShouldBeTrue();
        (await good).ShouldBeTrue();
        (await alsoGood).ShouldBeFalse();
        await Should.ThrowAsync<InvalidOperationException>(() => bad);
    }

    [Fact]
    public async Task WritesOfDifferentResultTypes_ShareACommit_AndRunInArrivalOrder()
    {
        var batcher = NewBatcher(holdFirstCommit: true);
        var order = new List<string>();
        var first = batcher.RunAsync(Returns(true));
        var text = batcher.RunAsync((_, _) => { order.Add("text"); return Task.FromResult("reserved"); });
        var number = batcher.RunAsync((_, _) => { order.Add("number"); return Task.FromResult(42L); });

        firstCommitHeld.SetResult();

        await first;
        (await text).ShouldBe("reserved");
        (await number).ShouldBe(42L);
        order.ShouldBe(["text", "number"]);
        commits.ShouldBe(2);
    }

    [Fact]
    public async Task ALoneWrite_CommitsAtOnce_AndSurfacesItsError()
    {
        var batcher = NewBatcher(holdFirstCommit: false);

        (await batcher.RunAsync(Returns(true))).ShouldBeTrue();
        await Should.ThrowAsync<InvalidOperationException>(() => batcher.RunAsync<bool>((_, _) => throw new InvalidOperationException()));
        (await batcher.RunAsync(Returns(false))).ShouldBeFalse();
        commits.ShouldBe(3);
    }
}

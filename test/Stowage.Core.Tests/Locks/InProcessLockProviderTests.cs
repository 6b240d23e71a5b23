using Stowage.Core.Locks;

namespace Stowage.Core.Tests.Locks;

public sealed class InProcessLockProviderTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    private readonly InProcessLockProvider _locks = new();

    [Fact]
    public async Task TryAcquire_GrantsAFreeLock()
    {
        await using var held = await _locks.TryAcquireAsync("upload/a/file", TimeSpan.Zero, CancellationToken.None);

        held.ShouldNotBeNull();
    }

    [Fact]
    public async Task TryAcquire_ReturnsNull_WhileAnotherHoldsIt()
    {
        await using var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);

        var second = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);

        held.ShouldNotBeNull();
        second.ShouldBeNull();
    }

    [Fact]
    public async Task TryAcquire_WaitsUpToTheTimeout_ThenReturnsNull()
    {
        await using var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);

        var waited = await _locks.TryAcquireAsync("r", TimeSpan.FromMilliseconds(50), CancellationToken.None);

        waited.ShouldBeNull();
    }

    [Fact]
    public async Task TryAcquire_KeepsResourcesIndependent()
    {
        await using var a = await _locks.TryAcquireAsync("a", TimeSpan.Zero, CancellationToken.None);
        await using var b = await _locks.TryAcquireAsync("b", TimeSpan.Zero, CancellationToken.None);

        a.ShouldNotBeNull();
        b.ShouldNotBeNull();
    }

    [Fact]
    public async Task Release_LetsTheWaiterIn()
    {
        var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        var waiting = _locks.TryAcquireAsync("r", Long, CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        await held!.DisposeAsync();

        await using var granted = await waiting.WaitAsync(Long);
        granted.ShouldNotBeNull();
    }

    [Fact]
    public async Task Release_LetsTheNextAcquireInAtOnce()
    {
        var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        await held!.DisposeAsync();

        await using var again = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);

        again.ShouldNotBeNull();
    }

    [Fact]
    public async Task Release_Twice_ReleasesOnce()
    {
        var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        await held!.DisposeAsync();
        await held.DisposeAsync();

        await using var first = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        var second = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);

        first.ShouldNotBeNull();
        second.ShouldBeNull();
    }

    [Fact]
    public async Task TryAcquire_Throws_WhenCancelledWhileWaiting()
    {
        await using var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _locks.TryAcquireAsync("r", Long, cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task TryAcquire_StillWorks_AfterACancelledWaiterGaveUp()
    {
        var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = _locks.TryAcquireAsync("r", Long, cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => waiting);

        await held!.DisposeAsync();

        await using var next = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        next.ShouldNotBeNull();
    }

    [Fact]
    public async Task TryAcquire_StillWorks_AfterATimedOutWaiterGaveUp()
    {
        var held = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        (await _locks.TryAcquireAsync("r", TimeSpan.FromMilliseconds(1), CancellationToken.None)).ShouldBeNull();

        await held!.DisposeAsync();

        await using var next = await _locks.TryAcquireAsync("r", TimeSpan.Zero, CancellationToken.None);
        next.ShouldNotBeNull();
    }

    [Fact]
    public async Task TryAcquire_AdmitsOneAtATime_UnderContention()
    {
        var inside = 0;
        var maxInside = 0;

        async Task WorkerAsync()
        {
            for (var i = 0; i < 50; i++)
            {
                await using var held = await _locks.TryAcquireAsync("r", Long, CancellationToken.None);
                held.ShouldNotBeNull();
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref maxInside, now);
                await Task.Yield();
                Interlocked.Decrement(ref inside);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(WorkerAsync)));

        maxInside.ShouldBe(1);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

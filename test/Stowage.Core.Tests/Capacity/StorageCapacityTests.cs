using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Stowage.Core.Capacity;
using Stowage.Core.Tests.Support;

namespace Stowage.Core.Tests.Capacity;

/// <summary>docs/operations.md, "A full disk": recognising "no space", refusing writes until there is room, and deletions releasing the reserve.</summary>
public sealed class StorageCapacityTests
{
    private readonly FakeTimeProvider _time = TestTime.New();
    private readonly FakeStorageReserve _reserve = new();

    [Theory]
    [InlineData(28)] // ENOSPC
    [InlineData(122)] // EDQUOT, a disk quota (Linux)
    public void IsStorageFull_RecognisesTheOperatingSystemsNoSpace(int errno)
    {
        var capacity = Capacity();
        var full = new IOException("No space left on device", errno);

        capacity.IsStorageFull(full).ShouldBeTrue();
        capacity.IsStorageFull(new InvalidOperationException("wrapped", full)).ShouldBeTrue();
        capacity.IsStorageFull(new AggregateException(new TimeoutException(), full)).ShouldBeTrue();
    }

    [Fact]
    public void IsStorageFull_RecognisesARealEnospc_FromDevFull()
    {
        // /dev/full answers every write with ENOSPC (Linux, full(4)): the exception .NET itself throws for it.
        var failure = Should.Throw<IOException>(() =>
        {
            using var file = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            file.Write(new byte[4096]);
        });

        Capacity().IsStorageFull(failure).ShouldBeTrue(failure.ToString());
    }

    [Fact]
    public void IsStorageFull_AsksTheBackendsDetectors_AndIsFalseOtherwise()
    {
        var capacity = Capacity(new MarkerDetector());

        capacity.IsStorageFull(new MarkerException()).ShouldBeTrue();
        capacity.IsStorageFull(new IOException("wrapper", new MarkerException())).ShouldBeTrue();
        capacity.IsStorageFull(new IOException("Input/output error", 5)).ShouldBeFalse();
        capacity.IsStorageFull(new IOException("no errno")).ShouldBeFalse();
        capacity.IsStorageFull(new UnauthorizedAccessException()).ShouldBeFalse();
    }

    [Fact]
    public void AcceptsWrites_UntilAStoreIsFull_ThenOnlyOnceTheReserveIsBackWithRoom()
    {
        var capacity = Capacity();
        capacity.AcceptsWrites().ShouldBeTrue();

        capacity.ReportFull();
        _reserve.CanRestore = false;

        capacity.AcceptsWrites().ShouldBeFalse();
        _time.Advance(StorageCapacity.RecheckInterval);
        capacity.AcceptsWrites().ShouldBeFalse();
        _reserve.RestoreCalls.ShouldBe(1);

        _reserve.CanRestore = true;
        capacity.AcceptsWrites().ShouldBeFalse("looked again less than a second ago");
        _reserve.RestoreCalls.ShouldBe(1);
        _time.Advance(StorageCapacity.RecheckInterval);

        capacity.AcceptsWrites().ShouldBeTrue();
        capacity.IsFull.ShouldBeFalse();
        _reserve.RestoreCalls.ShouldBe(2);
    }

    [Fact]
    public void SpaceFreed_LooksAtOnce_EvenWithinTheRecheckInterval_AndResumesWritesWhenThereIsRoom()
    {
        var capacity = Capacity();
        capacity.ReportFull();
        _reserve.CanRestore = false;
        _time.Advance(StorageCapacity.RecheckInterval);
        capacity.AcceptsWrites().ShouldBeFalse(); // a write refused a moment ago looked
        _reserve.RestoreCalls.ShouldBe(1);

        capacity.SpaceFreed();
        _reserve.RestoreCalls.ShouldBe(2);
        capacity.IsFull.ShouldBeTrue("no room yet");

        _reserve.CanRestore = true;
        capacity.SpaceFreed();

        capacity.IsFull.ShouldBeFalse();
        _reserve.InPlace.ShouldBeTrue();
        capacity.AcceptsWrites().ShouldBeTrue();
    }

    [Fact]
    public void SpaceFreed_DoesNothing_WhileWritesAreAccepted()
    {
        var capacity = Capacity();

        capacity.SpaceFreed();

        _reserve.RestoreCalls.ShouldBe(0);
        capacity.AcceptsWrites().ShouldBeTrue();
    }

    [Fact]
    public void ReportFull_KeepsTheReserve_ForTheDeletionsThatNeedIt()
    {
        var capacity = Capacity();

        capacity.ReportFull();

        _reserve.InPlace.ShouldBeTrue();
    }

    [Fact]
    public async Task FreeingAsync_ReleasesTheReserveAndRunsAgain_WhenADeletionFindsTheDiskFull()
    {
        var capacity = Capacity();
        var runs = 0;

        var result = await capacity.FreeingAsync(() => ++runs == 1 ? throw new IOException("No space left on device", 28) : Task.FromResult("deleted"));

        result.ShouldBe("deleted");
        runs.ShouldBe(2);
        _reserve.InPlace.ShouldBeFalse();
        capacity.IsFull.ShouldBeTrue();
    }

    [Fact]
    public async Task FreeingAsync_RunsOnceMore_EvenWithNoReserveLeft_ThenLetsTheFailureStand()
    {
        var capacity = Capacity();
        _reserve.Release(); // another deletion took it a moment ago
        var runs = 0;

        await Should.ThrowAsync<IOException>(() => capacity.FreeingAsync(() =>
        {
            runs++;
            throw new IOException("No space left on device", 28);
        }));

        runs.ShouldBe(2);
    }

    [Fact]
    public async Task FreeingAsync_LetsOtherFailuresThrough_KeepingTheReserve()
    {
        var capacity = Capacity();

        await Should.ThrowAsync<IOException>(() => capacity.FreeingAsync(() => throw new IOException("Input/output error", 5)));

        _reserve.InPlace.ShouldBeTrue();
        capacity.IsFull.ShouldBeFalse();
    }

    [Fact]
    public void Open_ReleasesTheReserve_WhenTheDiskIsAlreadyFull_AndStartRefusesWrites()
    {
        var capacity = Capacity();
        _reserve.CanRestore = false;

        capacity.Open();
        capacity.Start();

        _reserve.InPlace.ShouldBeFalse();
        capacity.IsFull.ShouldBeTrue();
        capacity.AcceptsWrites().ShouldBeFalse();
    }

    [Fact]
    public void Open_KeepsTheReserve_AndStartAcceptsWrites_WhenThereIsRoom()
    {
        var capacity = Capacity();

        capacity.Open();
        capacity.Start();

        _reserve.InPlace.ShouldBeTrue();
        capacity.AcceptsWrites().ShouldBeTrue();
    }

    private StorageCapacity Capacity(params IStorageFullDetector[] detectors) =>
        new(detectors, _reserve, _time, NullLogger<StorageCapacity>.Instance);

    private sealed class MarkerException : Exception;

    private sealed class MarkerDetector : IStorageFullDetector
    {
        public bool IsStorageFull(Exception exception) => exception is MarkerException;
    }
}

using Stowage.Server.Hosting;

namespace Stowage.Server.Tests.Hosting;

/// <summary>The storage reserve file of the data directory (docs/operations.md, "A full disk").</summary>
public sealed class ReserveFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "stowage-reserve-tests", Guid.NewGuid().ToString("N"));

    private string ReservePath => Path.Combine(_directory, ReserveFile.FileName);

    [Fact]
    public void TryRestore_WritesTheReserveOnce_AndReleaseFreesIt()
    {
        Directory.CreateDirectory(_directory);
        var reserve = new ReserveFile(_directory, 3 << 20);

        reserve.TryRestore().ShouldBeTrue();
        var written = File.GetLastWriteTimeUtc(ReservePath);
        reserve.TryRestore().ShouldBeTrue();

        new FileInfo(ReservePath).Length.ShouldBe(3 << 20);
        File.GetLastWriteTimeUtc(ReservePath).ShouldBe(written, "a reserve in place is kept, not written again");
        File.ReadAllBytes(ReservePath).Distinct().Count().ShouldBeGreaterThan(200, "not zeros: compressing file systems must not shrink it");
        reserve.Release().ShouldBe(3 << 20);
        File.Exists(ReservePath).ShouldBeFalse();
        reserve.Release().ShouldBe(0);
    }

    [Fact]
    public void TryRestore_RewritesAShortReserve()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllBytes(ReservePath, new byte[1000]); // cut short, e.g. by a crash
        var reserve = new ReserveFile(_directory, 2 << 20);

        reserve.TryRestore().ShouldBeTrue();

        new FileInfo(ReservePath).Length.ShouldBe(2 << 20);
    }

    [Fact]
    public void TryRestore_IsFalse_AndWritesNothing_WhenTheDiskCannotHoldTheReserveAndAsMuchAgain()
    {
        Directory.CreateDirectory(_directory);
        var tooLarge = new DriveInfo(_directory).TotalSize;
        var reserve = new ReserveFile(_directory, tooLarge);

        reserve.TryRestore().ShouldBeFalse();

        Directory.EnumerateFileSystemEntries(_directory).ShouldBeEmpty();
    }

    [Fact]
    public void TryRestore_WithTheReserveOff_OnlyLooksAtTheFreeSpace()
    {
        Directory.CreateDirectory(_directory);
        var reserve = new ReserveFile(_directory, 0);

        reserve.TryRestore().ShouldBe(new DriveInfo(_directory).AvailableFreeSpace >= ReserveFile.MinimumRoomBytes);

        Directory.EnumerateFileSystemEntries(_directory).ShouldBeEmpty();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

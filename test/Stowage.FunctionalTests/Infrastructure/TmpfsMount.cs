using System.Globalization;

namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>
/// A small tmpfs mounted under a test's own temporary directory: a disk that really fills up (ENOSPC for the
/// server's files and SQLITE_FULL for its database). Mounting needs root; without it the test fails, saying so.
/// Disposing unmounts it (lazily if a process still holds a file there) and removes the directory, also when the
/// test failed: declare it before the server, so the server stops first.
/// </summary>
public sealed class TmpfsMount : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp;

    private TmpfsMount(TempDirectory temp, string path)
    {
        _temp = temp;
        Path = path;
    }

    public string Path { get; }

    /// <summary>What an unprivileged writer could still put there (tmpfs keeps nothing back for root).</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public static async Task<TmpfsMount> MountAsync(string purpose, int megabytes)
    {
        var id = await ProcessRunner.RunAsync("id", ["-u"], CommandTimeout);
        var uid = id.StandardOutput.Trim();
        uid.ShouldBe("0", $"The disk-full tests mount a {megabytes} MiB tmpfs as the server's data directory, which needs root; 'id -u' is {uid}. Run the functional tests as root (the CI container does).");

        var temp = new TempDirectory(purpose);
        var path = temp.Combine("disk");
        Directory.CreateDirectory(path);
        var mounted = await ProcessRunner.RunAsync("mount", ["-t", "tmpfs", "-o", $"size={megabytes.ToString(CultureInfo.InvariantCulture)}m,mode=0755", "tmpfs", path], CommandTimeout);
        if (mounted.ExitCode != 0)
        {
            temp.Dispose();
            throw new InvalidOperationException($"Mounting a tmpfs at {path} failed (the disk-full tests need root and mount(8)):\n{mounted}");
        }

        return new TmpfsMount(temp, path);
    }

    /// <summary>Fills the disk with files of the test's own (outside the server's data directory) until it takes no more.</summary>
    public void Fill()
    {
        // 1 MiB writes first, then 4 KiB ones (tmpfs allocates by page) into the last pages.
        foreach (var block in new[] { 1 << 20, 4096 })
        {
            var data = new byte[block];
            Array.Fill(data, (byte)0x5A);
            using var file = new FileStream(System.IO.Path.Combine(Path, $"filler-{block.ToString(CultureInfo.InvariantCulture)}"), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
            var maxWrites = (int)(FreeBytes / block) + 2;
            try
            {
                for (var i = 0; i < maxWrites; i++)
                {
                    file.Write(data);
                }
            }
            catch (IOException)
            {
                // no space left: this size is done
            }
        }

        FreeBytes.ShouldBeLessThan(4096, "the disk should be full after filling it");
    }

    public async ValueTask DisposeAsync()
    {
        var unmounted = false;
        for (var attempt = 0; attempt < 10 && !unmounted; attempt++)
        {
            unmounted = (await ProcessRunner.RunAsync("umount", [Path], CommandTimeout)).ExitCode == 0 || !IsMounted();
            if (!unmounted)
            {
                await Task.Delay(200); // a server we stopped or killed may still be closing its files
            }
        }

        if (!unmounted)
        {
            await ProcessRunner.RunAsync("umount", ["-l", Path], CommandTimeout);
        }

        _temp.Dispose();
    }

    private bool IsMounted() =>
        File.ReadAllLines("/proc/mounts").Any(line => line.Split(' ') is [_, var target, ..] && target == Path);
}

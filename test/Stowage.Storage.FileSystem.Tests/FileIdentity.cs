using System.Diagnostics;
using System.Globalization;

namespace Stowage.Storage.FileSystem.Tests;

/// <summary>A file's inode number, from coreutils' stat(1): the same number means the same bytes on disk, not a copy.</summary>
internal static class FileIdentity
{
    public static long InodeOf(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%i", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        stat.ExitCode.ShouldBe(0, $"stat {path}");
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}

using Stowage.FunctionalTests.Infrastructure;

namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>
/// The files a test class uploads, made once per class fixture and only when first asked for: the
/// 100 MiB one exists only for the class that needs it.
/// </summary>
public sealed class TestFiles : IDisposable
{
    /// <summary>100 KiB: one PUT for every client.</summary>
    public const long SmallLength = 100 * 1024;

    /// <summary>12 MiB: three parts of 5 MiB (5 + 5 + 2) where a test sets a 5 MiB part size; two of 8 MiB for awscli's defaults.</summary>
    public const long MediumLength = 12L << 20;

    /// <summary>100 MiB: the awscli multipart case (thirteen 8 MiB parts, the last 4 MiB).</summary>
    public const long LargeLength = 100L << 20;

    private readonly TempDirectory _directory = new("s3-files");
    private readonly Lazy<TestFile> _small;
    private readonly Lazy<TestFile> _medium;
    private readonly Lazy<TestFile> _large;

    public TestFiles()
    {
        _small = new(() => TestFile.Create(_directory.Combine("small.jpg"), SmallLength, 301));
        _medium = new(() => TestFile.Create(_directory.Combine("medium.jpg"), MediumLength, 302));
        _large = new(() => TestFile.Create(_directory.Combine("large.e57"), LargeLength, 303));
    }

    public TestFile Small => _small.Value;

    public TestFile Medium => _medium.Value;

    public TestFile Large => _large.Value;

    /// <summary>A fresh path in the same temporary folder for a client to download into.</summary>
    public string DownloadPath(string hint) => _directory.Combine($"down-{hint}-{Guid.NewGuid():N}");

    /// <summary>A fresh sub-folder (an isolated HOME for one client run, for instance).</summary>
    public string NewFolder(string hint)
    {
        var path = _directory.Combine($"{hint}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => _directory.Dispose();
}

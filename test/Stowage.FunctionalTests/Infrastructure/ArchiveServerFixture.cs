namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A server with small archive guards: at most 20 entries, at most 50 times the archive's size unpacked.</summary>
public sealed class ArchiveServerFixture : ServerFixture
{
    public const int MaxArchiveEntries = 20;

    protected override IEnumerable<string> Configuration =>
    [
        .. base.Configuration,
        $"--Stowage:Processing:MaxArchiveEntries={MaxArchiveEntries}",
        "--Stowage:Processing:MaxExpansionRatio=50",
    ];
}

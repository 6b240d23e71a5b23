namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A server whose sessions expire after 2 s and are swept every second.</summary>
public sealed class ExpiringServerFixture : ServerFixture
{
    public const int TtlSeconds = 2;

    protected override IEnumerable<string> Configuration =>
    [
        .. base.Configuration,
        $"--Stowage:Uploads:SessionTtlSeconds={TtlSeconds}",
        "--Stowage:Uploads:SweepIntervalSeconds=1",
    ];
}

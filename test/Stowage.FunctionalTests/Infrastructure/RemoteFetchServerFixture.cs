namespace Stowage.FunctionalTests.Infrastructure;

/// <summary>A server that may fetch download links from loopback (the tests' own file server).</summary>
public sealed class RemoteFetchServerFixture : ServerFixture
{
    public const string AllowPrivateNetworks = "--Stowage:RemoteFetch:AllowPrivateNetworks=true";

    protected override IEnumerable<string> Configuration => [.. base.Configuration, AllowPrivateNetworks];
}

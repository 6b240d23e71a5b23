namespace Stowage.FunctionalTests.S3.Harness;

/// <summary>A server that also takes virtual-hosted-style requests: Host <c>{bucket}.s3.stowage.test</c>.</summary>
public sealed class VirtualHostServerFixture : S3ServerFixture
{
    public const string Domain = "s3.stowage.test";

    protected override IEnumerable<string> Configuration => [$"--Stowage:S3:VirtualHostDomain={Domain}"];
}

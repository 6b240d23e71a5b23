using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>boto3 1.43 in pyenv's python3 (preinstalled on the machines): CRC32 checksums on every upload.</summary>
public sealed class Boto3ModernTests(S3ServerFixture fixture) : Boto3Tests(fixture, "python3", "1.43."), IClassFixture<S3ServerFixture>
{
    protected override bool SendsCrc32 => true;
}

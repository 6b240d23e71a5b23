using Stowage.FunctionalTests.S3.Harness;

namespace Stowage.FunctionalTests.S3.RealClients;

/// <summary>boto3 1.26 from Debian's python3-boto3, run by /usr/bin/python3: Content-MD5, no flexible checksums.</summary>
public sealed class Boto3DebianTests(S3ServerFixture fixture) : Boto3Tests(fixture, "/usr/bin/python3", "1.26."), IClassFixture<S3ServerFixture>
{
    protected override bool SendsCrc32 => false;
}
